"""Shared chrome cached under page-cache versions, and never stale (#8)."""

from datetime import timedelta
from unittest import mock

from django.test import TestCase, override_settings
from django.utils import timezone
from wagtail.models import PageViewRestriction, Site

from nashra.articles.models import Breaking
from nashra.core import fragments
from nashra.core.privacy import private_paths
from nashra.core.tests.factories import build_newspaper
from nashra.sections.factories import create_section


@override_settings(PAGE_CACHE=False)
class ChromeTests(TestCase):
    """Each test reads a page, changes something, and reads again: the second
    reader must see the change (page cache off, fragments on)."""

    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=1)
        cls.article = cls.paper["articles"][0]

    def test_a_built_fragment_is_reused_until_its_group_moves(self):
        from nashra.core.invalidate import bump_now

        calls = []

        def build():
            calls.append(1)
            return ["قسم"]

        for _ in range(2):
            self.assertEqual(fragments.cached("t", {"site"}, build), ["قسم"])
        self.assertEqual(len(calls), 1)
        bump_now({"site"})
        fragments.cached("t", {"site"}, build)
        self.assertEqual(len(calls), 2)

    def test_one_request_reads_a_fragment_once(self):
        """Inside a request the first answer holds; the next request reads again."""
        from nashra.core.invalidate import bump_now

        values = iter(["أول", "ثان", "ثالث"])
        # What request_started and request_finished call (sending those
        # signals here would also close the test's database connection).
        fragments._begin()
        try:
            first = fragments.cached("m", {"site"}, lambda: next(values))
            bump_now({"site"})
            self.assertEqual(
                fragments.cached("m", {"site"}, lambda: next(values)), first
            )
        finally:
            fragments._end()
        self.assertEqual(fragments.cached("m", {"site"}, lambda: next(values)), "ثان")

    def test_the_menu_follows_a_new_section(self):
        self.assertNotContains(self.client.get("/"), "رياضة")
        self.client.get(self.article.url)
        section = create_section(
            self.paper["home"], "رياضة", "sport", show_in_menus=True
        )
        self.assertContains(self.client.get(self.article.url), section.url)

    def test_the_menu_follows_a_renamed_section(self):
        self.client.get(self.article.url)
        world = self.paper["world"]
        world.title = "الأخبار الدولية"
        world.save_revision().publish()
        self.assertContains(self.client.get(self.article.url), "الأخبار الدولية")

    def test_the_ticker_follows_breaking_news(self):
        mate = self.paper["articles"][1]
        self.assertNotContains(self.client.get(self.article.url), 'class="ticker"')
        # The switch is on the article, published with it (#14).
        mate.breaking_until = timezone.now() + timedelta(hours=1)
        mate.save_revision().publish()
        self.assertContains(self.client.get(self.article.url), 'class="ticker"')
        mate.title = "عاجل: عنوان جديد"
        mate.save_revision().publish()
        self.assertContains(self.client.get(self.article.url), "عاجل: عنوان جديد")

    def test_the_ticker_entry_expires_with_its_item(self):
        """No signal announces an expiry: the entry must not outlive it."""
        from nashra.articles.breaking import ticker_html

        site = Site.objects.get(is_default_site=True)
        Breaking.objects.create(
            page=self.article, until=timezone.now() + timedelta(seconds=90)
        )
        with mock.patch.object(fragments, "cache") as stored:
            stored.get.return_value = None
            self.assertIn("ticker__items", ticker_html(site, None, 8))
        timeout = stored.set.call_args.args[2]
        self.assertTrue(0 < timeout <= 90, timeout)

    def test_private_paths_follow_a_new_restriction(self):
        self.assertEqual(private_paths(), [])
        PageViewRestriction.objects.create(
            page=self.paper["culture"], restriction_type="password", password="x"
        )
        self.assertEqual(private_paths(), [self.paper["culture"].path])

    def test_private_paths_are_shared_through_the_version_store(self):
        """Another process cleared nothing here: only the version moved."""
        from nashra.core.invalidate import bump_now

        self.assertEqual(private_paths(), [])
        PageViewRestriction.objects.bulk_create(  # no signal, like another process
            [PageViewRestriction(page=self.paper["culture"], restriction_type="login")]
        )
        self.assertEqual(private_paths(), [])
        bump_now({"site"})
        self.assertEqual(private_paths(), [self.paper["culture"].path])

    def test_the_site_follows_an_edit(self):
        self.assertContains(self.client.get(self.article.url), "نشرة")
        site = Site.objects.get(is_default_site=True)
        site.site_name = "صحيفة الغد"
        site.save()
        response = self.client.get(self.article.url)
        self.assertContains(response, "صحيفة الغد")

    def test_the_site_is_found_without_a_query(self):
        from django.test import RequestFactory

        from nashra.core.sites import remember_site

        remember_site(RequestFactory().get("/", HTTP_HOST="localhost"))
        request = RequestFactory().get("/", HTTP_HOST="localhost")
        with self.assertNumQueries(0):
            site = remember_site(request)
        self.assertEqual(site, Site.objects.get(is_default_site=True))
