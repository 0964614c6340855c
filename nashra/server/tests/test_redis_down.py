"""Redis killed or frozen: every dynamic URL still answers (#17).

The cache is an accelerator. With Redis killed every page, the API, the
feeds, robots.txt, the admin login and comment posts answered 500; frozen
(SIGSTOP), each waited 5–10 s first. Each test starts a redis-server of its
own on a free port, warms the caches through it, then kills or freezes it.
"""

import time
import unittest

from django.contrib.auth import get_user_model
from django.test import Client, TestCase, override_settings
from django.urls import reverse
from wagtail.models import Site

from nashra.articles.models import ArticlePage
from nashra.comments.models import Comment
from nashra.comments.tests.helpers import form_data, newspaper_with_options, set_options
from nashra.comments.threads import options_for
from nashra.core.cache import breaker
from nashra.core.tests.redis_server import AVAILABLE, RedisServer, use_redis

PASSWORD = "correct horse battery staple"


@unittest.skipUnless(AVAILABLE, "needs redis-server (apt-get install redis-server)")
@override_settings(AXES_ENABLED=True, REDIS_RETRY_SECONDS=30)
class RedisDownTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = newspaper_with_options()
        cls.article = cls.paper["articles"][0]
        get_user_model().objects.create_superuser("rania", "r@example.com", PASSWORD)

    def setUp(self):
        self.redis = RedisServer()
        self.addCleanup(self.redis.stop)
        use_redis(self, self.redis)

    def urls(self):
        article, paper = self.article, self.paper
        return [
            "/",
            paper["world"].url,
            article.url,
            reverse("articles:tag", args=["روسيا"]),
            reverse("articles:author", args=[paper["author"].slug]),
            "/search/?q=خبر",
            "/api/v1/articles/",
            f"/api/v1/articles/{article.pk}/",
            reverse("feeds:site-rss"),
            reverse("feeds:site-atom"),
            "/sitemap.xml",
            "/robots.txt",
            reverse("comments:token", args=[article.pk]),
            reverse("comments:form", args=[article.pk]),
            reverse("wagtailadmin_login"),
        ]

    def assert_every_url_answers(self, *, each_under=None):
        for url in self.urls():
            started = time.monotonic()
            response = Client().get(url)
            took = time.monotonic() - started
            with self.subTest(url=url):
                self.assertEqual(response.status_code, 200)
                if each_under is not None:
                    self.assertLess(took, each_under)

    def post_comment(self, **overrides):
        return Client().post(
            reverse("comments:post", args=[self.article.pk]),
            form_data(self.article, **overrides),
            REMOTE_ADDR="203.0.113.7",
        )

    def log_in(self, client=None):
        return (client or Client()).post(
            reverse("wagtailadmin_login"),
            {"username": "rania", "password": PASSWORD},
            REMOTE_ADDR="198.51.100.4",
        )

    def test_a_killed_redis_costs_nothing_but_speed(self):
        self.assert_every_url_answers()
        self.redis.kill()
        self.assert_every_url_answers()
        self.assertContains(Client().get(self.article.url), self.article.title)
        data = form_data(self.article)
        response = self.post_comment(token=data["token"])
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Comment.objects.count(), 1)
        # The spent token is a row, not a cache entry: a replay is still refused.
        again = self.post_comment(token=data["token"], body="نص آخر تماماً")
        self.assertEqual(again.status_code, 400)
        self.assertContains(again, "أُرسل هذا التعليق من قبل", status_code=400)
        self.assertEqual(Comment.objects.count(), 1)
        editor = Client()
        self.assertEqual(self.log_in(editor).status_code, 302)
        self.assertEqual(editor.get("/admin/").status_code, 200)

    def test_a_frozen_redis_costs_one_short_timeout_then_is_skipped(self):
        self.assert_every_url_answers()
        self.redis.freeze()
        started = time.monotonic()
        first = Client().get(self.article.url)
        self.assertEqual(first.status_code, 200)
        # One timeout (0.3 s), not one per cache call of the page.
        self.assertLess(time.monotonic() - started, 2)
        self.assertFalse(breaker.closed())
        started = time.monotonic()
        self.assert_every_url_answers(each_under=2)
        self.assertEqual(self.post_comment().status_code, 302)
        self.assertEqual(self.log_in().status_code, 302)
        self.assertLess(time.monotonic() - started, 15)
        self.redis.thaw()

    @override_settings(REDIS_RETRY_SECONDS=1)
    def test_changes_made_during_the_outage_are_seen_once_it_is_back(self):
        """A block-list word and a corrected headline saved while Redis was
        frozen must not hide behind what it cached before."""
        site = Site.objects.get(is_default_site=True)
        self.assertEqual(options_for(site=site).block_list, "")
        Client().get(self.article.url)
        self.assertEqual(Client().get(self.article.url)["X-Cache"], "HIT")
        self.redis.freeze()
        set_options(block_list="كازينو")
        article = ArticlePage.objects.get(pk=self.article.pk)
        article.title = "عنوان مصحح أثناء العطل"
        article.save_revision().publish()
        self.redis.thaw()
        time.sleep(1.2)
        self.assertEqual(options_for(site=site).block_list, "كازينو")
        self.assertContains(Client().get(self.article.url), "عنوان مصحح أثناء العطل")
