import feedparser
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from nashra.feeds.tests.helpers import (
    COMMENTER_EMAIL,
    COMMENTER_IP,
    PENDING_BODY,
    add_comments,
    body,
    newspaper_with_secrets,
)


# Query counts and option changes are about this code, not the page cache (#8).
@override_settings(PAGE_CACHE=False)
class CommentFeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = newspaper_with_secrets(articles_per_section=1)
        cls.article = cls.paper["articles"][1]
        cls.approved, cls.pending = add_comments(cls.article)

    def fetch(self, kind):
        response = self.client.get(f"/feeds/comments/{self.article.pk}/{kind}/")
        self.assertEqual(response.status_code, 200)
        raw = body(response)
        parsed = feedparser.parse(raw)
        self.assertFalse(parsed.bozo, parsed.get("bozo_exception"))
        return raw.decode(), parsed

    def test_approved_comments_only_with_name_body_and_date(self):
        for kind in ("rss", "atom"):
            raw, parsed = self.fetch(kind)
            self.assertEqual(len(parsed.entries), 1)
            entry = parsed.entries[0]
            self.assertEqual(entry.author, "قارئ متابع")
            self.assertIn("تعليق منشور", entry.summary)
            self.assertIn('rel="nofollow ugc noopener"', entry.summary)
            self.assertTrue(entry.link.endswith(f"#comment-{self.approved.pk}"))
            self.assertNotIn(PENDING_BODY, raw)

    def test_commenter_email_and_ip_never_appear(self):
        """Publishing a reader's e-mail or IP address is a privacy breach (and spam bait)."""
        for kind in ("rss", "atom"):
            raw, _parsed = self.fetch(kind)
            self.assertNotIn(COMMENTER_EMAIL, raw)
            self.assertNotIn(COMMENTER_IP, raw)
            self.assertNotIn("example.org", raw)

    def test_the_email_and_ip_columns_are_never_read(self):
        with CaptureQueriesContext(connection) as queries:
            self.fetch("rss")
        comment_sql = [q["sql"] for q in queries if "comments_comment" in q["sql"]]
        self.assertTrue(comment_sql)
        for sql in comment_sql:
            self.assertNotIn('"email"', sql)
            self.assertNotIn('"ip"', sql)

    def test_comments_of_unpublished_articles_are_404(self):
        add_comments(self.paper["draft"])
        for article in (self.paper["draft"], self.paper["scheduled"]):
            response = self.client.get(f"/feeds/comments/{article.pk}/rss/")
            self.assertEqual(response.status_code, 404)

    def test_comment_feed_in_constant_queries(self):
        from nashra.comments.models import Comment, Status

        self.fetch("rss")
        with CaptureQueriesContext(connection) as before:
            self.fetch("rss")
        for index in range(5):
            Comment.objects.create(article=self.article, name=f"قارئ {index}",
                                   email="x@example.com", body="نعم",
                                   status=Status.APPROVED)  # fmt: skip
        with self.assertNumQueries(len(before.captured_queries)):
            self.fetch("rss")
