from django.test import TestCase
from django.utils.encoding import iri_to_uri
from wagtail.contrib.redirects.models import Redirect

from nashra.articles.factories import create_article
from nashra.feeds.tests.helpers import newspaper_with_secrets


def encoded(path):
    return iri_to_uri(path)


class ShortLinkTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = newspaper_with_secrets(articles_per_section=1)

    def test_short_link_is_a_permanent_redirect_to_the_encoded_canonical(self):
        """Location headers must be URIs: a raw Arabic path breaks some clients."""
        article = self.paper["articles"][1]  # in the Arabic-slug section
        response = self.client.get(f"/a/{article.pk}/")
        self.assertEqual(response.status_code, 301)
        location = response["Location"]
        self.assertTrue(location.isascii())
        self.assertEqual(location, "http://localhost" + article.url)
        self.assertIn("/%D8%AB%D9%82%D8%A7%D9%81%D8%A9/", location)
        self.assertNotIn("%25", location)

    def test_short_link_to_a_draft_or_scheduled_article_is_404(self):
        """A guessable /a/<id>/ must not reveal that an unpublished story exists."""
        for article in (self.paper["draft"], self.paper["scheduled"]):
            response = self.client.get(f"/a/{article.pk}/")
            self.assertEqual(response.status_code, 404)
            self.assertNotIn(article.slug, response.content.decode())

    def test_short_link_to_a_section_or_missing_page_is_404(self):
        for pk in (self.paper["world"].pk, 999999):
            self.assertEqual(self.client.get(f"/a/{pk}/").status_code, 404)

    def test_private_article_has_no_short_link(self):
        from wagtail.models import PageViewRestriction

        article = self.paper["articles"][0]
        PageViewRestriction.objects.create(
            page=article, restriction_type="password", password="x"
        )
        self.assertEqual(self.client.get(f"/a/{article.pk}/").status_code, 404)


class SlugChangeRedirectTests(TestCase):
    """Old links in social posts and other sites must keep working (Wagtail redirects)."""

    @classmethod
    def setUpTestData(cls):
        cls.paper = newspaper_with_secrets(articles_per_section=1)

    def test_arabic_slug_change_leaves_a_301(self):
        article = create_article(self.paper["culture"], "قصة", slug="قصة-قديمة")
        old_url = article.url
        article.slug = "قصة-جديدة"
        # Wagtail sends page_slug_changed once the transaction commits.
        with self.captureOnCommitCallbacks(execute=True):
            article.save_revision().publish()
        article.refresh_from_db()
        self.assertNotEqual(article.url, old_url)
        self.assertTrue(Redirect.objects.filter(redirect_page=article).exists())
        for requested in (encoded(old_url), old_url):
            response = self.client.get(requested)
            self.assertEqual(response.status_code, 301, requested)
            self.assertEqual(response["Location"], encoded(article.url))
        self.assertEqual(self.client.get(encoded(article.url)).status_code, 200)

    def test_moving_to_another_section_leaves_a_301(self):
        article = create_article(self.paper["world"], "منقول", slug="خبر-منقول")
        old_url = article.url
        with self.captureOnCommitCallbacks(execute=True):
            article.move(self.paper["culture"], pos="last-child")
        article.refresh_from_db()
        self.assertEqual(article.url, encoded("/ثقافة/خبر-منقول/"))
        response = self.client.get(encoded(old_url))
        self.assertEqual(response.status_code, 301)
        self.assertEqual(response["Location"], encoded("/ثقافة/خبر-منقول/"))

    def test_redirects_are_stored_readable_not_percent_encoded(self):
        """Editors read redirects in the admin: `%D8%A7…` there is unreadable."""
        article = create_article(self.paper["culture"], "قصة", slug="قديم-جدا")
        article.slug = "حديث"
        with self.captureOnCommitCallbacks(execute=True):
            article.save_revision().publish()
        redirect = Redirect.objects.get(redirect_page=article)
        self.assertIn("قديم-جدا", redirect.old_path)
        self.assertNotIn("%", redirect.old_path)


def visible_text(page):
    """What an editor reads: text and form values, not hrefs."""
    from lxml import html

    tree = html.fromstring(page)
    values = " ".join(tree.xpath("//input/@value"))
    return tree.text_content() + " " + values


class AdminReadsArabicTests(TestCase):
    """Editors see paths in the admin; they must read Arabic, not `%D8%A7…`."""

    @classmethod
    def setUpTestData(cls):
        from django.contrib.auth import get_user_model

        cls.paper = newspaper_with_secrets(articles_per_section=1)
        cls.editor = get_user_model().objects.create_superuser(
            "editor", "editor@example.com", "x"
        )

    def test_redirect_listing_shows_the_old_arabic_path(self):
        article = create_article(self.paper["culture"], "قصة", slug="مسار-قديم")
        article.slug = "مسار-جديد"
        with self.captureOnCommitCallbacks(execute=True):
            article.save_revision().publish()
        self.client.force_login(self.editor)
        page = self.client.get("/admin/redirects/").content.decode()
        self.assertIn("/ثقافة/مسار-قديم", visible_text(page))
        self.assertNotIn("%d8", visible_text(page).lower())

    def test_page_editor_shows_the_slug_readable(self):
        article = self.paper["articles"][1]
        self.client.force_login(self.editor)
        page = self.client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
        self.assertIn(article.slug, page)
        self.assertNotIn(
            iri_to_uri(article.slug), page.split("<body", 1)[1].split('href="')[0]
        )
