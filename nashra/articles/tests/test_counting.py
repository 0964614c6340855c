"""View counts: a beacon per view, no database write per view, no bots (#4)."""

from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from nashra.articles.counting import flush_views, is_bot, most_read
from nashra.articles.models import ArticlePage, DailyViews
from nashra.theme.tests.helpers import NewspaperTestCase

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126 Safari/537.36"


class BeaconTests(NewspaperTestCase):
    def beacon(self, page_id, agent=BROWSER):
        return self.client.post(f"/theme/seen/{page_id}/", HTTP_USER_AGENT=agent)

    def test_a_view_costs_no_database_query(self):
        """A busy article must not cost a write per reader."""
        self.beacon(self.article.pk)  # warms the site and options caches
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(self.beacon(self.article.pk).status_code, 204)
        sql = " ".join(query["sql"] for query in queries.captured_queries)
        self.assertNotIn("INSERT", sql)
        self.assertNotIn("UPDATE", sql)
        self.assertNotIn("dailyviews", sql)

    def test_flush_writes_the_batched_counts(self):
        for _ in range(3):
            self.beacon(self.article.pk)
        self.beacon(self.paper["articles"][1].pk)
        flush_views(drain=True)
        self.assertEqual(DailyViews.objects.get(page=self.article).views, 3)
        for _ in range(2):
            self.beacon(self.article.pk)
        flush_views(drain=True)
        self.assertEqual(DailyViews.objects.get(page=self.article).views, 5)

    def test_regular_flush_waits_one_interval(self):
        self.beacon(self.article.pk)
        flush_views()  # opens a new generation; the counted one is still live
        self.assertFalse(DailyViews.objects.exists())
        flush_views()
        self.assertEqual(DailyViews.objects.get(page=self.article).views, 1)

    def test_bots_are_not_counted(self):
        for agent in ("Googlebot/2.1", "facebookexternalhit/1.1", "curl/8.0", ""):
            self.beacon(self.article.pk, agent)
        flush_views(drain=True)
        self.assertFalse(DailyViews.objects.exists())

    def test_made_up_ids_are_dropped_at_flush(self):
        self.beacon(999999)
        flush_views(drain=True)
        self.assertFalse(DailyViews.objects.exists())

    def test_get_is_refused(self):
        self.assertEqual(
            self.client.get(f"/theme/seen/{self.article.pk}/").status_code, 405
        )

    def test_most_read_orders_by_views(self):
        second = self.paper["articles"][1]
        for _ in range(2):
            self.beacon(second.pk)
        self.beacon(self.article.pk)
        flush_views(drain=True)
        ranked = most_read(self.paper["home"], 1, 5)
        self.assertEqual([pk for pk, _ in ranked], [second.pk, self.article.pk])


def test_is_bot_cases():
    assert is_bot("Mozilla/5.0 (compatible; bingbot/2.0)")
    assert is_bot("")
    assert not is_bot(BROWSER)


class BeaconAbuseTests(NewspaperTestCase):
    """curl could inflate a count, and its junk evicted real views and a spent
    comment token from the shared cache (#17)."""

    def beacon(self, page_id, address="198.51.100.7"):
        return self.client.post(
            f"/theme/seen/{page_id}/", HTTP_USER_AGENT=BROWSER, REMOTE_ADDR=address
        )

    @override_settings(BEACON_LIMIT=5)
    def test_one_network_counts_at_most_the_limit_a_minute(self):
        for last in range(1, 12):
            self.assertEqual(
                self.beacon(self.article.pk, f"198.51.100.{last}").status_code, 204
            )
        self.beacon(self.article.pk, "203.0.113.9")  # another network
        flush_views(drain=True)
        self.assertEqual(DailyViews.objects.get(page=self.article).views, 6)

    def test_junk_evicts_neither_real_views_nor_other_cache_entries(self):
        cache.set("nashra:spent-token", "kept", None)
        self.beacon(self.article.pk)
        # More made-up pages than the default cache holds entries (300),
        # from as many networks, each under its limit.
        for n in range(320):
            self.beacon(10_000_000 + n, f"10.{n // 256}.{n % 256}.1")
        self.assertEqual(cache.get("nashra:spent-token"), "kept")
        flush_views(drain=True)
        self.assertEqual(DailyViews.objects.get(page=self.article).views, 1)


class ImportedViewsTests(NewspaperTestCase):
    """A site moved from WordPress shows its most read on day one (#21)."""

    def test_imported_counts_fill_what_readers_have_not(self):
        articles = self.paper["articles"]
        ArticlePage.objects.filter(pk=articles[1].pk).update(imported_views=900)
        ArticlePage.objects.filter(pk=articles[2].pk).update(imported_views=50)
        self.assertEqual(most_read(self.paper["home"], 1, 2),
                         [(articles[1].pk, 900), (articles[2].pk, 50)])  # fmt: skip
        DailyViews.objects.create(page=self.article, day=timezone.localdate(), views=3)
        self.assertEqual(most_read(self.paper["home"], 7, 2),
                         [(self.article.pk, 3), (articles[1].pk, 900)])  # fmt: skip
        # No daily row is made up for the imported counts.
        self.assertEqual(DailyViews.objects.count(), 1)
