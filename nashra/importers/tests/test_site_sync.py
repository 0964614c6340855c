"""`import-wordpress --site` against the real loopback WordPress peer (#21).

One first sync of the peer's last four days (19 posts) per class; each test
changes the peer in SQL, syncs again, and puts the peer back as it was.
"""

# SQL here is the tests' own, on the peer, with ids read from it.
# ruff: noqa: S608

import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from django.test import TestCase
from wagtail.models import Page

from nashra.articles.models import ArticlePage, Tag
from nashra.comments.models import Comment
from nashra.importers.models import ImportedObject
from nashra.importers.run import ImportRun
from nashra.importers.site.sync import SiteSync

from . import wp_peer
from .wp_peer import QUERY, SINCE, sql


def sync():
    return SiteSync(wp_peer.URL, query=QUERY).execute()


def created(report) -> int:
    return sum(counts["created"] for counts in report.counts.values())


def subset_posts() -> list[int]:
    rows = sql("SELECT ID FROM wp_posts WHERE post_type='post' AND post_status='publish'"
               f" AND post_date >= '{SINCE}' ORDER BY ID")  # fmt: skip
    return [int(r[0]) for r in rows]


def approved_comments(posts) -> int:
    ids = ",".join(map(str, posts))
    return int(sql("SELECT COUNT(*) FROM wp_comments WHERE comment_approved='1'"
                   f" AND comment_post_ID IN ({ids})")[0][0])  # fmt: skip


def page_of(wp_id: int):
    row = ImportedObject.objects.get(kind="post", wp_key=str(wp_id))
    return Page.objects.get(pk=row.object_id).specific


class SiteSyncTests(TestCase):
    @classmethod
    def setUpClass(cls):
        wp_peer.require_peer()
        super().setUpClass()

    @classmethod
    def setUpTestData(cls):
        cls.posts = subset_posts()
        cls.first = sync()

    def test_first_run_brings_every_post_and_approved_comment(self):
        self.assertEqual(len(self.posts), 19)
        self.assertEqual(self.first.counts["posts"]["created"], len(self.posts))
        self.assertEqual(ArticlePage.objects.live().count(), len(self.posts))
        comments = approved_comments(self.posts)
        self.assertGreater(comments, 0)
        self.assertEqual(self.first.counts["comments"]["created"], comments)
        self.assertEqual(Comment.objects.filter(status="approved").count(), comments)
        self.assertEqual(self.first.problem_count, 0)

    def test_unchanged_resync_creates_and_updates_nothing(self):
        report = sync()
        self.assertEqual(created(report), 0)
        self.assertEqual(sum(c["updated"] for c in report.counts.values()), 0)

    def test_one_edited_post_updates_exactly_that_one(self):
        wp_id = self.posts[3]
        title, modified = sql(
            f"SELECT post_title, post_modified_gmt FROM wp_posts WHERE ID={wp_id}"
        )[0]
        sql(f"UPDATE wp_posts SET post_title='عنوان جديد بعد التحرير',"
            f" post_modified_gmt=UTC_TIMESTAMP(), post_modified=NOW() WHERE ID={wp_id}")  # fmt: skip
        self.addCleanup(sql, f"UPDATE wp_posts SET post_title='{title}', post_modified_gmt="
                        f"'{modified}', post_modified='{modified}' WHERE ID={wp_id}")  # fmt: skip
        report = sync()
        self.assertEqual(report.counts["posts"]["updated"], 1)
        self.assertEqual(created(report), 0)
        self.assertEqual(page_of(wp_id).title, "عنوان جديد بعد التحرير")
        self.assertEqual(ArticlePage.objects.count(), len(self.posts))

    def test_deleted_post_is_unpublished_and_its_old_url_redirects_to_its_section(self):
        wp_id = self.posts[5]
        page = page_of(wp_id)
        link = urlsplit(page.get_url()).path
        sql("CREATE TABLE IF NOT EXISTS nashra_sync_test LIKE wp_posts;"
            f" DELETE FROM nashra_sync_test WHERE ID={wp_id};"
            f" INSERT INTO nashra_sync_test SELECT * FROM wp_posts WHERE ID={wp_id};"
            f" DELETE FROM wp_posts WHERE ID={wp_id}")  # fmt: skip
        restore = (f"INSERT INTO wp_posts SELECT * FROM nashra_sync_test WHERE ID={wp_id};"
                   " DROP TABLE nashra_sync_test")  # fmt: skip
        self.addCleanup(
            lambda: (
                sql(restore)
                if not sql(f"SELECT ID FROM wp_posts WHERE ID={wp_id}")
                else None
            )
        )
        report = sync()
        self.assertEqual(created(report) - report.counts["redirects"]["created"], 0)
        page.refresh_from_db()
        self.assertFalse(page.live)
        response = self.client.get(link)
        self.assertEqual(response.status_code, 301)
        self.assertEqual(response["Location"], page.get_parent().url)
        response = self.client.get(f"/?p={wp_id}")
        self.assertEqual(response.status_code, 301)
        self.assertEqual(response["Location"], page.get_parent().url)
        # Back on WordPress (restored as it was, modified_gmt and all).
        sql(restore)
        report = sync()
        self.assertEqual(report.counts["posts"]["updated"], 1)
        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertEqual(self.client.get(link).status_code, 200)
        response = self.client.get(f"/?p={wp_id}")
        self.assertEqual((response.status_code, response["Location"]), (301, page.url))

    def test_new_and_moderated_comments(self):
        with_comments = [int(r[0]) for r in sql(
            "SELECT DISTINCT comment_post_ID FROM wp_comments WHERE comment_approved='1'"
            f" AND comment_post_ID IN ({','.join(map(str, self.posts))}) ORDER BY 1")]  # fmt: skip
        held = int(
            sql(
                f"SELECT MIN(comment_ID) FROM wp_comments WHERE comment_post_ID={with_comments[0]}"
            )[0][0]
        )
        sql(f"UPDATE wp_comments SET comment_approved='0' WHERE comment_ID={held}")
        self.addCleanup(
            sql, f"UPDATE wp_comments SET comment_approved='1' WHERE comment_ID={held}"
        )
        post = with_comments[-1]
        sql("INSERT INTO wp_comments (comment_post_ID, comment_author, comment_author_email,"
            " comment_date, comment_date_gmt, comment_content, comment_approved, comment_type)"
            f" VALUES ({post}, 'قارئ جديد', 'new@example.invalid', NOW(), UTC_TIMESTAMP(),"
            " 'تعليق جديد بعد النقل', '1', 'comment')")  # fmt: skip
        new_id = int(sql("SELECT MAX(comment_ID) FROM wp_comments")[0][0])
        self.addCleanup(sql, f"DELETE FROM wp_comments WHERE comment_ID={new_id}")
        report = sync()
        self.assertEqual(report.counts["comments"]["created"], 1)
        self.assertEqual(report.counts["comments"]["updated"], 1)
        self.assertEqual(created(report), 1)
        row = ImportedObject.objects.get(kind="comment", wp_key=str(held))
        self.assertEqual(Comment.objects.get(pk=row.object_id).status, "pending")
        new = ImportedObject.objects.get(kind="comment", wp_key=str(new_id))
        comment = Comment.objects.get(pk=new.object_id)
        self.assertEqual(
            (comment.body, comment.status), ("تعليق جديد بعد النقل", "approved")
        )
        self.assertEqual(comment.article_id, page_of(post).pk)


class WxrThenSync(TestCase):
    """WordPress's own export first, then --site runs: nothing twice."""

    @classmethod
    def setUpClass(cls):
        wp_peer.require_peer()
        super().setUpClass()

    def test_no_duplicates(self):
        path = wp_peer.export(Path(tempfile.mkdtemp()) / "peer.xml")
        posts = subset_posts()
        first = ImportRun(path).execute()
        self.assertEqual(first.counts["posts"]["created"], len(posts))
        comments = Comment.objects.count()
        first_tags = list(Tag.objects.values_list("pk", flat=True))
        report = sync()
        self.assertEqual(report.counts["posts"]["created"], 0)
        self.assertEqual(report.counts["comments"]["created"], 0)
        self.assertEqual(ArticlePage.objects.count(), len(posts))
        # The export had the week's tags, the sync every tag: each once.
        self.assertEqual(report.counts["tags"]["created"] + len(first_tags),
                         Tag.objects.count())  # fmt: skip
        self.assertEqual(Tag.objects.count(), int(sql(
            "SELECT COUNT(*) FROM wp_term_taxonomy WHERE taxonomy='post_tag'")[0][0]))  # fmt: skip
        self.assertEqual(Comment.objects.count(), comments)
        self.assertEqual(ImportedObject.objects.filter(kind="post").count(), len(posts))
        again = sync()
        self.assertEqual(
            sum(c["updated"] + c["created"] for c in again.counts.values()), 0
        )
