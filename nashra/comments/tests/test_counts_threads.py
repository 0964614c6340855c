"""Counts, threads, closing by age, housekeeping and the editors' e-mail (#3).

Counts are mirrored in the shared cache: every path that changes a comment
must leave the cache, the thread row and the database saying the same.
"""

from datetime import timedelta
from unittest import mock

from django.contrib.auth.models import User
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory, TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from nashra.comments import counts, housekeeping, moderation, notify
from nashra.comments.models import Comment, CommentThread, Status
from nashra.comments.privacy import anonymise_old_ips
from nashra.comments.tests.helpers import newspaper_with_options
from nashra.comments.threads import is_open, options_for, published_threads


class Counts(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = newspaper_with_options()
        cls.article, cls.other = cls.paper["articles"][:2]

    def add(self, status=Status.APPROVED, article=None, **fields):
        return Comment.objects.create(
            article=article or self.article, name="ن", email="n@example.com",
            body=fields.pop("body", "ت"), status=status, **fields,
        )  # fmt: skip

    def test_a_cold_cache_loads_every_count_in_one_query(self):
        self.add(), self.add(article=self.other)
        counts.refresh(self.article.pk), counts.refresh(self.other.pk)
        cache.clear()
        with self.assertNumQueries(1):
            found = counts.published_counts([self.article.pk, self.other.pk, 999999])
        self.assertEqual(found, {self.article.pk: 1, self.other.pk: 1, 999999: 0})
        with self.assertNumQueries(0):
            counts.published_counts([self.article.pk, 999999])

    def test_only_approved_comments_count(self):
        for status in Status.values:
            self.add(status=status)
        self.assertEqual(counts.refresh(self.article.pk), 1)

    def test_every_change_sends_comments_changed(self):
        received = []
        counts.comments_changed.connect(
            lambda sender, article_id, **kw: received.append(article_id), weak=False,
            dispatch_uid="test-counts",
        )  # fmt: skip
        try:
            comment = self.add(status=Status.PENDING)
            moderation.set_status([comment], Status.APPROVED)
            moderation.delete([comment])
        finally:
            counts.comments_changed.disconnect(dispatch_uid="test-counts")
        self.assertEqual(received, [self.article.pk, self.article.pk])

    def test_setting_the_same_status_does_nothing(self):
        comment = self.add()
        self.assertEqual(moderation.set_status([comment], Status.APPROVED), 0)

    def test_forgetting_warm_counts_reloads_them(self):
        self.add()
        counts.refresh(self.article.pk)
        # A cached count is read without warming; a missing one warms, and
        # from then on a missing key reads as zero (no thread row, #8).
        cache.delete(counts._key(self.article.pk))
        self.assertEqual(counts.published_count(self.article.pk), 1)  # warms
        self.assertIsNotNone(cache.get(counts.WARM_KEY))
        cache.delete(counts._key(self.article.pk))
        self.assertEqual(counts.published_count(self.article.pk), 0)
        counts.forget_warm_counts()
        self.assertEqual(counts.published_count(self.article.pk), 1)

    def test_deleting_a_thread_root_takes_its_replies_and_recounts(self):
        root = self.add()
        reply = self.add(parent=root, root=root, depth=2)
        self.add(parent=reply, root=root, depth=3)
        counts.refresh(self.article.pk)
        moderation.delete([root])
        self.assertFalse(Comment.objects.exists())
        self.assertEqual(counts.published_count(self.article.pk), 0)


class Threads(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = newspaper_with_options(per_page=2)
        cls.article = cls.paper["articles"][0]

    def add(self, status=Status.APPROVED, **fields):
        return Comment.objects.create(article=self.article, name="ن", email="n@example.com",
                                      body=fields.pop("body", "ت"), status=status,
                                      **fields)  # fmt: skip

    def threads(self, query="", options=None):
        request = RequestFactory().get("/" + query)
        options = options or options_for(site=self.article.get_site())
        return published_threads(self.article, request, options)

    def test_replies_nest_under_their_parent_and_hidden_ones_hide_their_subtree(self):
        root = self.add(body="أصل")
        visible = self.add(parent=root, root=root, depth=2, body="رد")
        hidden = self.add(
            parent=root, root=root, depth=2, body="مخفي", status=Status.PENDING
        )
        self.add(parent=hidden, root=root, depth=3, body="تحت المخفي")
        self.add(parent=visible, root=root, depth=3, body="تحت الظاهر")
        _, (node,) = self.threads()
        self.assertEqual([c.comment.body for c in node.children], ["رد"])
        self.assertEqual(
            [c.comment.body for c in node.children[0].children], ["تحت الظاهر"]
        )

    def test_pages_of_threads_and_a_bad_page_number(self):
        for n in range(5):
            self.add(body=f"أصل {n}")
        page, nodes = self.threads("?page=3")
        self.assertEqual([n.comment.body for n in nodes], ["أصل 4"])
        page, nodes = self.threads("?page=abc")
        self.assertEqual(len(nodes), 2)

    def test_page_links_open_the_article_at_its_comments(self):
        """A reader paging through comments stays at them, not at the headline."""
        for n in range(5):
            self.add(body=f"أصل {n}")
        counts.refresh(self.article.pk)
        html = self.client.get(self.article.url + "?page=2").content.decode()
        self.assertIn('href="?page=1#comments"', html)
        self.assertIn('href="?page=3#comments"', html)

    def test_threads_cost_three_queries_however_deep(self):
        parent = root = self.add()
        for depth in range(2, 8):
            parent = self.add(parent=parent, root=root, depth=depth)
        # The page's options are read once per request, before the threads:
        # the site and options lookups are not published_threads()' queries.
        options = options_for(site=self.article.get_site())
        with CaptureQueriesContext(connection) as queries:
            _, (node,) = self.threads(options=options)
        self.assertLessEqual(len(queries), 3)
        depth = 0
        while node.children:
            node, depth = node.children[0], depth + 1
        self.assertEqual(depth, 6)

    def test_comments_close_by_age(self):
        options = options_for(site=self.article.get_site())
        options.close_after_days = 7
        self.article.published_at = timezone.now() - timedelta(days=8)
        self.assertFalse(is_open(self.article, options))
        self.article.published_at = timezone.now() - timedelta(days=6)
        self.assertTrue(is_open(self.article, options))
        CommentThread.objects.create(page=self.article, is_open=False)
        self.assertFalse(is_open(self.article, options))


class Housekeeping(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = newspaper_with_options(ip_retention_days=30)
        cls.article = cls.paper["articles"][0]

    def test_old_ips_are_trimmed_once_per_period(self):
        old = Comment.objects.create(article=self.article, name="ق", email="q@example.com",
                                     body="ت", ip="203.0.113.77")  # fmt: skip
        Comment.objects.filter(pk=old.pk).update(
            created_at=timezone.now() - timedelta(days=40)
        )
        recent = Comment.objects.create(article=self.article, name="ج", email="j@example.com",
                                        body="ت2", ip="203.0.113.78")  # fmt: skip
        self.assertEqual(housekeeping.run_due(), 1)
        self.assertIsNone(housekeeping.run_due())
        old.refresh_from_db(), recent.refresh_from_db()
        self.assertEqual((old.ip, old.ip_anonymised), ("203.0.113.0", True))
        self.assertEqual(recent.ip, "203.0.113.78")
        self.assertEqual(anonymise_old_ips(30), 0)


class Notify(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = newspaper_with_options()
        cls.article = cls.paper["articles"][0]
        User.objects.create_superuser("chief", "chief@example.com", "pw")
        User.objects.create_superuser("gone", "gone@example.com", "pw", is_active=False)
        User.objects.create_superuser("noaddress", "", "pw")

    def pending(self):
        return Comment.objects.create(article=self.article, name="ق", email="q@example.com",
                                      body="ينتظر", status=Status.PENDING)  # fmt: skip

    def test_active_editors_with_an_address_are_told(self):
        self.assertEqual(
            notify.notify_pending(self.pending(), "https://news.example"), 1
        )
        (message,) = mail.outbox
        self.assertEqual(message.to, ["chief@example.com"])
        self.assertIn("https://news.example/admin/comments/", message.body)
        self.assertNotIn("q@example.com", message.subject)

    def test_a_mail_server_outage_loses_only_the_alert(self):
        with mock.patch.object(notify, "send_mail", side_effect=ConnectionRefusedError):
            self.assertEqual(
                notify.notify_pending(self.pending(), "https://news.example"), 0
            )
        self.assertTrue(Comment.objects.exists())
