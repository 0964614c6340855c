"""The article page: the reference page's elements, in its order, in Arabic (#2)."""

from datetime import datetime
from urllib.parse import unquote
from zoneinfo import ZoneInfo

from django.test import TestCase, override_settings

from nashra.articles.factories import create_article
from nashra.core.tests.factories import build_newspaper


class ArticlePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=1)
        cls.article = create_article(
            cls.paper["world"],
            "بوتين يزور كوريا الشمالية لأول مرة منذ 24 عاما",
            slug="بوتين-يزور-كوريا",
            summary="زيارة هي الأولى منذ عام 2000.",
            authors=[cls.paper["author"]],
            tags=["كوريا الشمالية", "Kim Jong Un"],
            featured_image=cls.paper["image"],
            image_caption="الرئيس في المطار",
            image_credit="وكالة الأنباء",
            # 18 June 2024, 23:30 in Kolkata: still Tuesday there.
            published_at=datetime(2024, 6, 18, 18, 0, tzinfo=ZoneInfo("UTC")),
            body=[
                {"type": "paragraph", "value": "<p>ومن المقرر أن يلتقي بوتين بالزعيم.</p>"},
                {"type": "heading", "value": {"text": "خلفية الزيارة", "level": "h2"}},
                {"type": "pull_quote", "value": {"text": "زيارة دولة ودية", "attribution": "الكرملين"}},
                {"type": "image", "value": {"image": cls.paper["image"].pk, "caption": "في العاصمة", "credit": "", "alt": ""}},
            ],
        )  # fmt: skip

    def get(self):
        response = self.client.get(self.article.url)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_arabic_slug_is_served(self):
        self.assertEqual(unquote(self.article.url), "/world/بوتين-يزور-كوريا/")
        self.assertEqual(self.client.get("/world/بوتين-يزور-كوريا/").status_code, 200)
        response = self.client.get(
            "/world/%D8%A8%D9%88%D8%AA%D9%8A%D9%86-%D9%8A%D8%B2%D9%88%D8%B1-%D9%83%D9%88%D8%B1%D9%8A%D8%A7/"
        )
        self.assertEqual(response.status_code, 200)

    def test_page_is_arabic_and_right_to_left(self):
        self.assertIn('<html lang="ar" dir="rtl"', self.get())

    def test_elements_follow_the_reference_order(self):
        html = self.get()
        markers = [
            'class="article__section" href="/world/"',
            '<h1 class="article__title">',
            'class="byline"',
            'class="article__image"',
            "ومن المقرر أن يلتقي بوتين بالزعيم.",
            "خلفية الزيارة",
            'class="pull-quote"',
            'rel="tag"',
            'class="back-to-top"',
        ]
        positions = [html.index(marker) for marker in markers]
        self.assertEqual(positions, sorted(positions))

    def test_byline_date_is_written_the_arabic_way(self):
        html = self.get()
        self.assertIn("الثلاثاء 18 يونيو 2024", html)
        self.assertIn('datetime="2024-06-18T23:30:00+05:30"', html)
        self.assertIn('href="/author/salma/"', html)

    def test_caption_credit_and_responsive_images(self):
        html = self.get()
        self.assertIn("الرئيس في المطار", html)
        self.assertIn("وكالة الأنباء", html)
        self.assertIn('loading="lazy"', html)
        self.assertIn("srcset=", html)
        self.assertRegex(
            html,
            r'<img[^>]*\bwidth="\d+"[^>]*\bheight="\d+"|<img[^>]*\bheight="\d+"[^>]*\bwidth="\d+"',
        )

    def test_numbers_and_latin_names_are_bidi_isolated(self):
        html = self.get()
        self.assertIn("منذ <bdi>24</bdi> عاما", html)
        self.assertIn("<bdi>Kim Jong Un</bdi>", html)

    def test_back_to_top_works_without_javascript(self):
        html = self.get()
        self.assertIn('id="top"', html)
        self.assertIn('href="#top" class="back-to-top"', html)
        self.assertIn("العودة إلى الأعلى", html)

    def test_tag_and_author_pages_list_the_article(self):
        for url in ("/tag/kim-jong-un/", "/tag/كوريا-الشمالية/", "/author/salma/"):
            response = self.client.get(url)
            self.assertContains(response, self.article.title[:10], msg_prefix=url)

    def test_unknown_tag_and_author_are_404(self):
        self.assertEqual(self.client.get("/tag/لا-يوجد/").status_code, 404)
        self.assertEqual(self.client.get("/author/nobody/").status_code, 404)

    def test_drafts_are_not_served_to_readers(self):
        draft = create_article(
            self.paper["world"], "مسودة سرية", slug="draft", publish=False
        )
        self.assertEqual(self.client.get(draft.url or "/world/draft/").status_code, 404)
        self.assertNotContains(self.client.get("/world/"), "مسودة سرية")


@override_settings(PAGE_CACHE=False)
class CachedBylineTests(TestCase):
    """Byline and tags come from the fragment cache, kept exact (#8)."""

    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=1)
        cls.article = cls.paper["articles"][0]

    def get(self):
        response = self.client.get(self.article.url)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_byline_is_cached_until_an_author_is_saved(self):
        from nashra.articles.models import Author

        author = self.paper["author"]
        self.assertIn(author.name, self.get())
        # Renamed without a signal: readers keep the cached byline.
        Author.objects.filter(pk=author.pk).update(name="اسم لم يحفظ")
        self.assertNotIn("اسم لم يحفظ", self.get())
        author.name = "اسم جديد للكاتبة"
        with self.captureOnCommitCallbacks(execute=True):
            author.save()
        self.assertIn("اسم جديد للكاتبة", self.get())

    def test_tags_follow_publishing(self):
        from nashra.articles.models import ArticlePage

        self.get()
        page = ArticlePage.objects.get(pk=self.article.pk)
        page.tags.add("وسم جديد")
        with self.captureOnCommitCallbacks(execute=True):
            page.save_revision().publish()
        self.assertIn("وسم جديد", self.get())
