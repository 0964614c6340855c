"""View counts: a beacon per view, no database write per view, no bots (#4)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from nashra.articles.counting import flush_views, is_bot, most_read
from nashra.articles.models import DailyViews
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
