"""Today's date in every header (#18): right in cached pages after midnight."""

from datetime import UTC, datetime
from unittest import mock

from django.test import TestCase, override_settings
from wagtail.models import Site

from nashra.pagecache.tests.helpers import fresh_paper, reader
from nashra.theme.models import ThemeOptions


def at(moment):
    """The clock of every ``timezone.now()`` (so ``localdate()`` too) set to moment."""
    return mock.patch("django.utils.timezone.now", return_value=moment)


# Asia/Kolkata (the test zone, +05:30): 18:29 UTC is 23:59 on 17 February
# 2026, 29 Shaaban 1447, and 18:31 UTC is 00:01 on 18 February, 1 Ramadan.
BEFORE_MIDNIGHT = datetime(2026, 2, 17, 18, 29, tzinfo=UTC)
AFTER_MIDNIGHT = datetime(2026, 2, 17, 18, 31, tzinfo=UTC)


class HeaderDateTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = fresh_paper()
        cls.article = cls.paper["articles"][0]

    def test_header_shows_the_gregorian_and_hijri_dates(self):
        with at(AFTER_MIDNIGHT):
            html = reader().get("/").content.decode()
        self.assertIn(
            '<time datetime="2026-02-18">الأربعاء 18 فبراير 2026</time>', html
        )
        self.assertIn('<span class="site-date__hijri">1 رمضان 1447 هـ</span>', html)

    def test_the_sites_month_names_and_digits_are_used(self):
        options = ThemeOptions.for_site(Site.objects.get(is_default_site=True))
        options.months, options.digits = "levantine", "arabic"
        with self.captureOnCommitCallbacks(execute=True):
            options.save()
        with at(AFTER_MIDNIGHT):
            html = reader().get(self.article.url).content.decode()
        self.assertIn(">الأربعاء ١٨ شباط ٢٠٢٦</time>", html)
        self.assertIn(">١ رمضان ١٤٤٧ هـ</span>", html)

    def test_a_page_cached_before_midnight_is_rendered_again_after_it(self):
        """No reader may see yesterday's date: the entry of 23:59 must not be
        replayed at 00:01, and the new day's page is cached in its turn."""
        client = reader()
        with at(BEFORE_MIDNIGHT):
            client.get(self.article.url)
            late = client.get(self.article.url)
        self.assertEqual(late["X-Cache"], "HIT")
        self.assertIn("29 شعبان 1447 هـ", late.content.decode())
        with at(AFTER_MIDNIGHT):
            first = client.get(self.article.url)
            second = client.get(self.article.url)
        self.assertEqual(first["X-Cache"], "MISS")
        self.assertNotEqual(first["ETag"], late["ETag"])
        for response in (first, second):
            html = response.content.decode()
            self.assertIn("1 رمضان 1447 هـ", html)
            self.assertNotIn("29 شعبان", html)
        self.assertEqual(second["X-Cache"], "HIT")

    def test_a_revalidating_browser_gets_the_new_day(self):
        """The ETag of 23:59 must not earn a 304 at 00:01."""
        client = reader()
        with at(BEFORE_MIDNIGHT):
            etag = client.get("/")["ETag"]
        with at(AFTER_MIDNIGHT):
            response = client.get("/", HTTP_IF_NONE_MATCH=etag)
        self.assertEqual(response.status_code, 200)
        self.assertIn("1 رمضان 1447 هـ", response.content.decode())

    @override_settings(TIME_ZONE="UTC")
    def test_midnight_is_the_sites_own(self):
        """In UTC both moments are still 17 February: one entry serves both."""
        client = reader()
        with at(BEFORE_MIDNIGHT):
            client.get("/")
        with at(AFTER_MIDNIGHT):
            response = client.get("/")
        self.assertEqual(response["X-Cache"], "HIT")
        self.assertIn("29 شعبان 1447 هـ", response.content.decode())
