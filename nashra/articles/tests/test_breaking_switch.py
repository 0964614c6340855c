"""The breaking switch on the article, and its expiry (#14)."""

import time
from datetime import timedelta
from unittest import mock

from django.test import RequestFactory, TestCase
from django.utils import timezone

from nashra.articles.breaking import current_breaking, expire_breaking, lifetime
from nashra.articles.models import ArticlePage, Breaking
from nashra.core import fragments, jobs
from nashra.core.tests.factories import build_newspaper
from nashra.newsroom.tests.base import Newsroom, staff
from nashra.pagecache import conf
from nashra.pagecache.middleware import entry_ttl


def switch(article, until):
    """Publish ``article`` again with its breaking switch set to ``until``."""
    page = article.get_latest_revision_as_object()
    page.breaking_until = until
    page.save_revision().publish()
    return ArticlePage.objects.get(pk=article.pk)


def expire_in_the_database(article):
    """The flag's time passes: the rows say so before any job has run."""
    past = timezone.now() - timedelta(minutes=1)
    ArticlePage.objects.filter(pk=article.pk).update(breaking_until=past)
    Breaking.objects.filter(page=article).update(until=past)


class SwitchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=2)
        cls.article = cls.paper["articles"][0]

    def setUp(self):
        self.article = switch(self.article, timezone.now() + timedelta(hours=2))

    def test_the_switch_feeds_the_ticker_index(self):
        row = Breaking.objects.get(page=self.article)
        self.assertEqual(row.until, self.article.breaking_until)
        self.assertEqual([a.pk for a in current_breaking(None, 8)], [self.article.pk])
        self.assertContains(self.client.get("/"), 'class="ticker"')

    def test_cards_and_the_article_carry_a_badge(self):
        section = self.client.get(self.paper["world"].url).content.decode()
        self.assertEqual(section.count("badge--breaking"), 1)
        self.assertContains(self.client.get(self.article.url), "badge--breaking")

    def test_the_api_says_breaking_and_filters_on_it(self):
        found = self.client.get(f"/api/v1/articles/{self.article.pk}/").json()
        self.assertTrue(found["breaking"])
        self.assertIsNotNone(found["breaking_until"])
        only = self.client.get("/api/v1/articles/?breaking=true").json()
        self.assertEqual([a["id"] for a in only["results"]], [self.article.pk])
        others = self.client.get("/api/v1/articles/?breaking=false").json()
        self.assertNotIn(self.article.pk, [a["id"] for a in others["results"]])
        self.assertEqual(others["count"], len(self.paper["articles"]) - 1)

    def test_switching_off_empties_the_ticker(self):
        switch(self.article, None)
        self.assertFalse(Breaking.objects.exists())
        self.assertNotContains(self.client.get("/"), 'class="ticker"')

    def test_unpublishing_takes_it_out_of_the_ticker(self):
        self.article.unpublish()
        self.assertFalse(Breaking.objects.exists())

    def test_a_time_already_past_never_enters_the_ticker(self):
        switch(self.article, timezone.now() - timedelta(minutes=5))
        self.assertFalse(Breaking.objects.exists())

    def test_a_breaking_card_is_cached_no_longer_than_its_flag(self):
        # Two hours away: the fragment cache's own hour is the shorter.
        self.assertEqual(lifetime([self.article]), fragments.TIMEOUT)
        soon = switch(self.article, timezone.now() + timedelta(minutes=20))
        seconds = lifetime([soon])
        self.assertTrue(1150 < seconds <= 1200, seconds)
        plain = self.paper["articles"][1]
        self.assertEqual(lifetime([plain]), fragments.TIMEOUT)
        # A block of cards (the home page's) as long as its first badge.
        self.assertAlmostEqual(lifetime([plain, soon]), seconds, delta=2)


class ExpiryTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=1)

    def setUp(self):
        self.article = switch(
            self.paper["articles"][0], timezone.now() + timedelta(hours=1)
        )
        # Readers see it first, so every cache holds the badge and ticker.
        self.client.get("/")
        self.client.get(self.paper["world"].url)
        self.client.get(f"/api/v1/articles/{self.article.pk}/")

    def test_an_expired_item_never_shows_even_before_the_job(self):
        """Nothing announces the end of a flag: every cache that showed it
        (page cache, ticker, cards, front-page blocks) must let it go by
        then on its own, with no job run and no bump."""
        until = timezone.now() + timedelta(seconds=4)
        brief = switch(self.paper["articles"][1], until)
        section = brief.get_parent().url
        self.assertContains(self.client.get("/"), f'href="{brief.url}"')
        self.assertContains(self.client.get(section), "badge--breaking")
        self.assertTrue(
            self.client.get(f"/api/v1/articles/{brief.pk}/").json()["breaking"]
        )
        time.sleep(max(0, (until - timezone.now()).total_seconds()) + 0.5)
        home = self.client.get("/").content.decode()
        ticker = home[home.index("data-ticker") : home.index("data-ticker-pause")]
        self.assertNotIn(f'href="{brief.url}"', ticker)
        self.assertIn(f'href="{self.article.url}"', ticker)
        # Its section (culture) has no other breaking article.
        self.assertNotContains(self.client.get(section), "badge--breaking")
        found = self.client.get(f"/api/v1/articles/{brief.pk}/").json()
        self.assertFalse(found["breaking"])
        self.assertIsNone(found["breaking_until"])
        self.assertTrue(Breaking.objects.filter(page=brief).exists())  # no job ran

    def test_the_job_switches_it_off_and_busts_cached_pages(self):
        self.assertContains(self.client.get("/"), 'class="ticker"')
        self.assertEqual(self.client.get("/")["X-Cache"], "HIT")
        expire_in_the_database(self.article)
        self.assertEqual(expire_breaking(), 1)
        self.assertFalse(Breaking.objects.exists())
        self.assertIsNone(ArticlePage.objects.get(pk=self.article.pk).breaking_until)
        home = self.client.get("/")
        self.assertEqual(home["X-Cache"], "MISS")
        self.assertNotContains(home, 'class="ticker"')
        self.assertNotContains(
            self.client.get(self.paper["world"].url), "badge--breaking"
        )

    def test_the_job_leaves_current_items_alone(self):
        self.assertEqual(expire_breaking(), 0)
        self.assertTrue(Breaking.objects.filter(page=self.article).exists())
        later = timezone.now() + timedelta(hours=2)
        with mock.patch("django.utils.timezone.now", return_value=later):
            self.assertEqual(expire_breaking(), 1)
        self.assertFalse(Breaking.objects.exists())

    def test_cached_pages_live_no_longer_than_the_flag(self):
        """No signal comes when a flag ends: the page cache's entries (every
        page has the ticker) must expire by then on their own."""
        request = RequestFactory().get("/")
        # An hour away: the usual lifetime (ten minutes) is the shorter.
        self.assertEqual(entry_ttl(request), conf.ttl())
        switch(self.article, timezone.now() + timedelta(seconds=90))
        self.assertTrue(0 < entry_ttl(request) <= 90, entry_ttl(request))
        switch(self.article, None)
        self.assertEqual(entry_ttl(request), conf.ttl())

    def test_the_job_is_registered_with_the_scheduler(self):
        names = {job.name: job for job in jobs.registered()}
        self.assertIs(names["expire-breaking"].run, expire_breaking)
        self.assertTrue(names["expire-breaking"].once_per_interval)


class PermissionTests(Newsroom, TestCase):
    def post(self, user, article, until):
        self.client.force_login(user)
        data = self.article_form(
            article.slug, breaking_until=until, **{"action-publish": "1"}
        )
        return self.client.post(f"/admin/pages/{article.pk}/edit/", data)

    def test_an_editor_breaks_news_from_the_article_form(self):
        article = self.draft(self.contributor, "flash")
        response = self.post(staff("ziad", "editor"), article, "2099-01-01 10:00")
        self.assertEqual(response.status_code, 302)
        article.refresh_from_db()
        self.assertTrue(article.live)
        self.assertTrue(article.is_breaking)
        self.assertTrue(Breaking.objects.filter(page=article).exists())

    def test_an_author_cannot_break_news(self):
        article = self.draft(self.author, "own")
        self.client.force_login(self.author)
        form = self.client.get(f"/admin/pages/{article.pk}/edit/")
        self.assertNotContains(form, 'name="breaking_until"')
        self.post(self.author, article, "2099-01-01 10:00")
        article.refresh_from_db()
        self.assertTrue(article.live)
        self.assertIsNone(article.breaking_until)
        self.assertFalse(Breaking.objects.exists())
