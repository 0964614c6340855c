"""Importing the repository's own newsroom export, end to end (#12).

The importer's essential cases run on exports/madina.wordpress.xml in every
clone; the real exports in the team's shared folder only add to them
(test_import_fixtures.py).
"""

import json
import tempfile
from pathlib import Path
from urllib.parse import quote

from django.test import TestCase
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

from nashra.articles.models import ArticlePage, Author, Tag
from nashra.comments.models import Comment
from nashra.images.factories import jpeg_bytes
from nashra.importers.models import ImportedObject
from nashra.pages.models import StandardPage
from nashra.sections.models import SectionPage

from .fixtures import MADINA
from .helpers import run_import


def page_for(wp_id, kind="post"):
    return ImportedObject.objects.get(kind=kind, wp_key=str(wp_id)).target.specific


def comment_for(wp_id):
    return Comment.objects.get(
        pk=ImportedObject.objects.get(kind="comment", wp_key=str(wp_id)).object_id
    )


class MadinaImport(TestCase):
    """An Arabic newsroom with an English desk, imported with its uploads folder."""

    @classmethod
    def setUpTestData(cls):
        cls.uploads = Path(tempfile.mkdtemp(prefix="nashra-uploads-"))
        (cls.uploads / "2026" / "03").mkdir(parents=True)
        for name in ("polling.jpg", "port.jpg"):
            (cls.uploads / "2026" / "03" / name).write_bytes(jpeg_bytes())
        cls.report = run_import(MADINA, uploads=cls.uploads)

    def test_every_record_is_counted_once_per_type(self):
        """A migration that loses posts silently is worse than one that fails."""
        totals = {kind: self.report.total(kind) for kind in self.report.counts}
        self.assertEqual(totals, {
            "posts": 8, "pages": 3, "attachments": 3, "comments": 6,
            "categories": 6, "tags": 4, "authors": 3, "redirects": 76, "other": 2,
        })  # fmt: skip
        self.assertEqual(self.report.counts["posts"]["created"], 8)
        self.assertEqual(self.report.counts["posts"]["failed"], 0)
        # The mp3 has no file in the uploads folder; the pingback is not a reader's.
        self.assertEqual(self.report.counts["attachments"]["skipped"], 1)
        self.assertEqual(self.report.counts["comments"]["skipped"], 1)

    def test_posts_pages_authors_and_tags_exist(self):
        self.assertEqual(ArticlePage.objects.count(), 8)
        self.assertEqual(StandardPage.objects.count(), 3)
        self.assertCountEqual(
            Author.objects.values_list("name", flat=True),
            ["Sarah Collins", "ليلى حداد", "عمر الخطيب"],
        )
        self.assertGreaterEqual(Tag.objects.count(), 4)

    def test_nested_categories_become_sub_sections(self):
        elections = page_for(12, "category")
        self.assertIsInstance(elections, SectionPage)
        self.assertEqual(elections.slug, "انتخابات")
        self.assertEqual(
            [p.slug for p in elections.get_ancestors(inclusive=True).specific()[2:]],
            ["أخبار", "سياسة", "انتخابات"],
        )

    def test_gutenberg_post_field_by_field(self):
        page = page_for(101)
        self.assertEqual(
            page.title, "نتائج الانتخابات البلدية: نسبة مشاركة هي الأعلى منذ عقد"
        )
        self.assertEqual(page.slug, "نتائج-الانتخابات-البلدية")
        self.assertTrue(page.live)
        self.assertEqual(page.published_at.isoformat(), "2026-03-02T09:30:00+00:00")
        self.assertEqual(page.section.slug, "انتخابات")
        self.assertCountEqual(
            page.tags.values_list("name", flat=True),
            ["elections", "الانتخابات البلدية"],
        )
        self.assertEqual([a.name for a in page.byline_authors], ["ليلى حداد"])
        self.assertEqual(page.featured_image.alt_text, "ناخبون يصطفون أمام مركز اقتراع")
        kinds = [block.block_type for block in page.body]
        self.assertEqual(
            kinds, ["paragraph", "image", "heading", "paragraph", "quote", "paragraph"]
        )

    def test_classic_post_with_shortcodes(self):
        page = page_for(102)
        body = json.dumps(list(page.body.raw_data), ensure_ascii=False)
        self.assertIn("ميناء العقبة", body)
        self.assertIn("bulletin.mp3", body)
        for bad in ("<script", "<iframe", "document.write"):
            self.assertNotIn(bad, body)
        self.assertEqual([a.name for a in page.byline_authors], ["عمر الخطيب"])

    def test_english_post_keeps_its_author_and_section(self):
        page = page_for(107)
        self.assertEqual(page.title, "Voters turn out in record numbers")
        self.assertEqual(page.section.slug, "world")
        self.assertEqual([a.name for a in page.byline_authors], ["Sarah Collins"])

    def test_links_between_posts_point_to_the_new_pages(self):
        """A link to the old site would lead readers to a dead WordPress."""
        body = json.dumps(list(page_for(101).body.raw_data), ensure_ascii=False)
        self.assertIn(page_for(107).url, body)
        self.assertNotIn("?p=107", body)
        body = json.dumps(list(page_for(102).body.raw_data), ensure_ascii=False)
        self.assertNotIn("madina.example/2026", body)

    def test_child_page_stays_under_its_parent(self):
        child = page_for(151, "page")
        self.assertEqual(child.get_parent().specific, page_for(150, "page"))

    def test_sticky_post_is_a_lead_story(self):
        self.assertTrue(page_for(103).featured)
        self.assertFalse(page_for(101).featured)

    def test_scheduled_post_waits_for_its_date(self):
        """A future post published at import would break an embargo."""
        page = page_for(104)
        self.assertFalse(page.live)
        self.assertEqual(page.go_live_at.year, 2030)
        self.assertEqual(page.latest_revision.approved_go_live_at.year, 2030)

    def test_draft_stays_a_draft(self):
        page = page_for(105)
        self.assertFalse(page.live)
        self.assertIsNotNone(page.latest_revision)

    def test_password_post_keeps_its_password(self):
        restriction = PageViewRestriction.objects.get(page=page_for(106))
        self.assertEqual(restriction.restriction_type, "password")
        self.assertEqual(restriction.password, "madina")

    def test_comment_threads_are_intact_and_pending_stays_pending(self):
        """Replies detached from their parents make a thread unreadable; a
        comment the old site held back must not go live."""
        first, reply, answer = (comment_for(n) for n in (501, 502, 503))
        self.assertEqual(first.article_id, page_for(101).pk)
        self.assertEqual((reply.parent_id, answer.parent_id), (first.pk, reply.pk))
        self.assertEqual(answer.depth, 3)
        self.assertEqual(first.created_at.isoformat(), "2026-03-02T10:05:00+00:00")
        self.assertEqual(comment_for(504).status, "pending")
        self.assertEqual(first.status, "approved")
        self.assertFalse(ImportedObject.objects.filter(kind="comment", wp_key="505"))
        self.assertEqual(comment_for(510).article_id, page_for(107).pk)

    def test_old_urls_redirect_to_new_pages(self):
        page = page_for(101)
        for old in ("/?p=101", quote("/2026/03/02/نتائج-الانتخابات-البلدية/")):
            response = self.client.get(old)
            self.assertEqual(response.status_code, 301, old)
            self.assertEqual(response["Location"], page.url)
        response = self.client.get(quote("/category/أخبار/سياسة/انتخابات/"))
        self.assertEqual(response.status_code, 301)
        self.assertEqual(response["Location"], page_for(12, "category").url)
        response = self.client.get("/?page_id=151")
        self.assertEqual(response["Location"], page_for(151, "page").url)

    def test_redirects_never_loop(self):
        for redirect in Redirect.objects.select_related("redirect_page"):
            self.assertNotEqual(
                Redirect.normalise_path(redirect.link), redirect.old_path
            )

    def test_second_run_changes_nothing(self):
        """Re-running after a fix must not duplicate a single article."""
        again = run_import(MADINA, uploads=self.uploads)
        for kind in ("posts", "pages", "categories", "tags", "authors", "redirects",
                     "comments", "attachments"):  # fmt: skip
            counts = again.counts[kind]
            self.assertEqual(counts["created"] + counts["updated"], 0, kind)
        self.assertEqual(again.counts["posts"]["unchanged"], 8)
        self.assertEqual(ArticlePage.objects.count(), 8)
        self.assertEqual(Comment.objects.count(), 5)
