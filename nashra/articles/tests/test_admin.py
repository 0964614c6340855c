"""An editor works in the Arabic admin: sections, authors, tags, articles (#2)."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from nashra.articles.models import ArticlePage, Author, Tag
from nashra.home.models import HomePage
from nashra.sections.factories import create_section
from nashra.sections.models import SectionPage


class EditorTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get()
        cls.section = create_section(cls.home, "أخبار العالم", "world")
        cls.author = Author.objects.create(name="سلمى الحداد", slug="salma")
        cls.editor = get_user_model().objects.create_superuser(
            "editor", "e@example.org", "pw"
        )

    def setUp(self):
        self.client.force_login(self.editor)

    def article_form(self, **extra):
        return nested_form_data({
            "title": "بوتين يزور كوريا الشمالية",
            "slug": "بوتين-يزور-كوريا",
            "summary": "زيارة نادرة.",
            "body": streamfield([
                ("paragraph", rich_text("<p>ومن المقرر أن يلتقي بوتين بالزعيم.</p>")),
                ("heading", {"text": "خلفية", "level": "h2"}),
                ("pull_quote", {"text": "زيارة دولة ودية", "attribution": "الكرملين"}),
            ]),
            "article_authors": inline_formset([{"author": self.author.pk}]),
            "tags": "كوريا الشمالية, روسيا",
            **extra,
        })  # fmt: skip

    def test_admin_is_arabic_and_rtl(self):
        response = self.client.get("/admin/")
        self.assertContains(response, 'lang="ar"')
        self.assertContains(response, 'dir="rtl"')

    def test_editor_creates_a_section(self):
        self.assertCanCreate(
            self.home, SectionPage,
            nested_form_data({"title": "رياضة", "slug": "رياضة", "description": "الملاعب"}),
        )  # fmt: skip
        self.assertEqual(self.client.get("/رياضة/").status_code, 200)

    def test_editor_creates_authors_and_tags(self):
        response = self.client.post(
            "/admin/snippets/articles/author/add/",
            {"name": "أحمد الخطيب", "slug": "", "role": "محرر", "bio": ""},
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(Author.objects.filter(name="أحمد الخطيب").exists())
        response = self.client.post(
            "/admin/snippets/articles/tag/add/",
            {"name": "الاقتصاد", "slug": "الاقتصاد"},
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(Tag.objects.filter(slug="الاقتصاد").exists())

    def test_draft_preview_then_publish(self):
        self.assertCanCreate(
            self.section, ArticlePage, self.article_form(), publish=False
        )
        article = ArticlePage.objects.get(slug="بوتين-يزور-كوريا")
        self.assertFalse(article.live)
        self.assertEqual(self.client.get("/world/بوتين-يزور-كوريا/").status_code, 404)
        preview = self.client.post(
            f"/admin/pages/{article.pk}/edit/preview/", self.article_form()
        )
        self.assertEqual(preview.status_code, 200)
        shown = self.client.get(f"/admin/pages/{article.pk}/edit/preview/")
        self.assertContains(shown, "ومن المقرر أن يلتقي بوتين بالزعيم.")
        response = self.client.post(
            f"/admin/pages/{article.pk}/edit/",
            self.article_form(**{"action-publish": "1"}),
        )
        self.assertEqual(response.status_code, 302)
        self.client.logout()
        page = self.client.get("/world/بوتين-يزور-كوريا/")
        self.assertContains(page, "سلمى الحداد")
        self.assertContains(page, 'rel="tag"')
        article.refresh_from_db()
        self.assertEqual(article.section_id, self.section.pk)
        self.assertIsNotNone(article.published_at)

    def test_scheduled_article_waits_for_its_time(self):
        go_live = timezone.localtime(timezone.now() + timedelta(hours=3))
        form = self.article_form(go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
        form["action-publish"] = "1"
        response = self.client.post(
            f"/admin/pages/add/articles/articlepage/{self.section.pk}/", form
        )
        self.assertEqual(response.status_code, 302)
        article = ArticlePage.objects.get(slug="بوتين-يزور-كوريا")
        self.assertFalse(article.live)
        self.assertIsNotNone(article.scheduled_revision)

    def test_preview_of_an_article_never_saved(self):
        """The editor previews before the first save: the page has no id yet."""
        url = f"/admin/pages/add/articles/articlepage/{self.section.pk}/preview/"
        self.assertEqual(self.client.post(url, self.article_form()).status_code, 200)
        shown = self.client.get(url)
        self.assertContains(shown, "ومن المقرر أن يلتقي بوتين بالزعيم.")
