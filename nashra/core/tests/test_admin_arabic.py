"""An Arabic newsroom's admin shows no English it could have been spared (#12).

A chief editor walks the screens the newsroom uses every day, and every
visible text node and every read attribute (label, placeholder, title,
aria-label, button value) must be Arabic, or a name, a URL, a code or a
format token (see `latin_text`). Strings that only JavaScript writes are
walked in tests/browser/test_admin_arabic.py.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents.models import Document
from wagtail.models import Site, Task, Workflow
from wagtail.snippets.models import get_snippet_models

from nashra.articles.models import Breaking
from nashra.comments.models import Comment
from nashra.core.tests.factories import build_newspaper
from nashra.core.tests.latin_text import screen_strings, untranslated

ADMIN = "/admin/"


class ArabicAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        paper = build_newspaper(articles_per_section=1, tags=("روسيا",))
        cls.home, cls.section = paper["home"], paper["world"]
        cls.article, cls.image = paper["articles"][0], paper["image"]
        cls.author = paper["author"]
        cls.site = Site.objects.get(is_default_site=True)
        cls.chief = get_user_model().objects.create_superuser(
            "رئيس_التحرير", "chief@news.example", "كلمة-سر",
            first_name="هدى", last_name="منصور",
        )  # fmt: skip
        cls.document = Document.objects.create(
            title="بيان صحفي", file=ContentFile(b"%PDF-1.4", name="bayan.pdf")
        )
        cls.comment = Comment.objects.create(
            article=cls.article, name="ريم", email="reem@news.example",
            body="تعليق على الخبر", ip="198.51.100.23",
        )  # fmt: skip
        cls.redirect = Redirect.objects.create(
            old_path="/قديم", redirect_page=cls.article
        )
        cls.breaking = Breaking.objects.create(
            page=cls.article, until=timezone.now() + timedelta(hours=2)
        )

    def setUp(self):
        self.client.force_login(self.chief)

    def data_words(self):
        """The newsroom's own data in Latin: the site's host name, the
        author's slug, and the section slug the factory puts in titles."""
        return {self.site.hostname, self.author.slug, self.section.slug}

    def assert_arabic(self, *paths):
        """Every path answers 200 and shows no untranslated English."""
        english = {}
        for path in paths:
            response = self.client.get(path, follow=True)
            self.assertEqual(response.status_code, 200, path)
            found = untranslated(
                screen_strings(response.content.decode()), self.data_words()
            )
            if found:
                english[path] = found
        if english:
            self.fail("English left on the admin:\n" + "\n".join(
                f"{path}:\n  " + "\n  ".join(found) for path, found in english.items()
            ))  # fmt: skip

    def test_login_and_password_reset(self):
        """The first screen of every working day: "Password" was English."""
        self.client.logout()
        self.assert_arabic(f"{ADMIN}login/", f"{ADMIN}password_reset/")

    def test_dashboard_account_and_explorer(self):
        self.assert_arabic(
            ADMIN,
            f"{ADMIN}account/",
            f"{ADMIN}pages/",
            f"{ADMIN}pages/{self.home.pk}/",
            f"{ADMIN}pages/{self.section.pk}/",
            f"{ADMIN}pages/search/?q=خبر",
            f"{ADMIN}pages/{self.home.pk}/add_subpage/",
        )

    def test_article_and_section_forms(self):
        """Edit and create forms, with the workflow's submit button."""
        article, section = self.article.pk, self.section.pk
        self.assert_arabic(
            f"{ADMIN}pages/{article}/edit/",
            f"{ADMIN}pages/add/articles/articlepage/{section}/",
            f"{ADMIN}pages/{section}/edit/",
            f"{ADMIN}pages/add/sections/sectionpage/{self.home.pk}/",
            f"{ADMIN}pages/{article}/history/",
            f"{ADMIN}pages/{article}/revisions/",
            f"{ADMIN}pages/{article}/usage/",
        )

    def test_submit_button_names_the_workflow_in_arabic(self):
        """Wagtail's default workflow was «Moderators approval» on every button;
        the default is now the editor review (#14)."""
        response = self.client.get(f"{ADMIN}pages/{self.article.pk}/edit/")
        self.assertContains(response, "تقديم إلى مراجعة المحرر")

    def test_images_and_documents(self):
        self.assert_arabic(
            f"{ADMIN}images/",
            f"{ADMIN}images/{self.image.pk}/",
            f"{ADMIN}images/multiple/add/",
            f"{ADMIN}images/usage/{self.image.pk}/",
            f"{ADMIN}documents/",
            f"{ADMIN}documents/edit/{self.document.pk}/",
            f"{ADMIN}documents/multiple/add/",
            f"{ADMIN}collections/",
        )

    def test_planning_desk_and_dashboard(self):
        """The desk and the dashboard's desk panels (#14)."""
        self.assert_arabic(f"{ADMIN}", f"{ADMIN}desk/?span=week")

    def test_snippets(self):
        """Every registered snippet (authors, tags): list, add, edit. Breaking
        news is a switch on the article now, with no snippet of its own (#14)."""
        paths = [f"{ADMIN}snippets/"]
        for model in get_snippet_models():
            viewset = model.snippet_viewset
            paths += [
                reverse(viewset.get_url_name("list")),
                reverse(viewset.get_url_name("add")),
            ]
            instance = model.objects.first()
            if instance is not None:
                paths.append(reverse(viewset.get_url_name("edit"), args=[instance.pk]))
        self.assertGreaterEqual(len(paths), 1 + 2 * 3)
        self.assert_arabic(*paths)

    def test_users_and_groups(self):
        editors = Group.objects.get(name="المحررون")
        self.assert_arabic(
            f"{ADMIN}users/",
            f"{ADMIN}users/new/",
            f"{ADMIN}users/edit/{self.chief.pk}/",
            f"{ADMIN}groups/",
            f"{ADMIN}groups/new/",
            f"{ADMIN}groups/edit/{editors.pk}/",
        )

    def test_sites_and_settings(self):
        """Sites list headers, theme options with the licence key, feeds, comments."""
        settings = f"{ADMIN}settings/"
        self.assert_arabic(
            f"{ADMIN}sites/",
            f"{ADMIN}sites/edit/{self.site.pk}/",
            f"{settings}theme/themeoptions/{self.site.pk}/",
            f"{settings}feeds/feedoptions/{self.site.pk}/",
            f"{settings}comments/commentoptions/{self.site.pk}/",
            f"{settings}ads/adssettings/{self.site.pk}/",
        )

    def test_comment_moderation(self):
        comments = f"{ADMIN}comments/"
        self.assert_arabic(
            comments,
            f"{comments}?status=approved",
            f"{comments}{self.comment.pk}/edit/",
            f"{comments}{self.comment.pk}/reply/",
            f"{comments}article/{self.article.pk}/",
            f"{comments}personal-data/",
        )

    def test_redirects(self):
        self.assert_arabic(
            f"{ADMIN}redirects/",
            f"{ADMIN}redirects/add/",
            f"{ADMIN}redirects/{self.redirect.pk}/",
            f"{ADMIN}redirects/import/",
        )

    def test_workflows(self):
        self.assert_arabic(
            f"{ADMIN}workflows/list/",
            *(f"{ADMIN}workflows/edit/{w.pk}/" for w in Workflow.objects.all()),
            *(f"{ADMIN}workflows/usage/{w.pk}/" for w in Workflow.objects.all()),
            f"{ADMIN}workflows/tasks/index/",
            *(f"{ADMIN}workflows/tasks/edit/{t.pk}/" for t in Task.objects.all()),
            f"{ADMIN}workflows/add/",
            f"{ADMIN}workflows/tasks/add/wagtailcore/groupapprovaltask/",
            f"{ADMIN}workflows/tasks/add/newsroom/editorreviewtask/",
        )

    def test_reports(self):
        reports = f"{ADMIN}reports/"
        self.assert_arabic(
            f"{reports}locked/",
            f"{reports}workflow/",
            f"{reports}workflow_tasks/",
            f"{reports}site-history/",
            f"{reports}aging-pages/",
            f"{reports}page-types-usage/",
        )
