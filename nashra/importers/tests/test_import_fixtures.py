"""Importing the real WordPress exports the team shares (when present, #12)."""

from collections import Counter

from django.test import TestCase
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

from nashra.articles.models import ArticlePage, Author, Tag
from nashra.importers.comments import comments_model
from nashra.importers.models import ImportedObject
from nashra.importers.wxr import Item, read_export
from nashra.pages.models import StandardPage
from nashra.sections.models import SectionPage

from .fixtures import PARCH, THEME_UNIT, fixture, needs
from .helpers import run_import


def export_counts(path):
    types = Counter()
    comments = 0
    for record in read_export(path):
        if isinstance(record, Item):
            types[record.post_type] += 1
            comments += len(record.comments)
    return types, comments


def page_for(wp_id, kind="post"):
    row = ImportedObject.objects.get(kind=kind, wp_key=str(wp_id))
    return row.target.specific


@needs(THEME_UNIT)
class ThemeUnitTestImport(TestCase):
    """WordPress's own theme test data: nested categories, statuses, threads."""

    @classmethod
    def setUpTestData(cls):
        cls.path = fixture(THEME_UNIT)
        cls.report = run_import(cls.path)

    def test_every_item_is_counted_once_per_type(self):
        """A migration that loses posts silently is worse than one that fails."""
        types, comments = export_counts(self.path)
        report = self.report
        self.assertEqual(report.total("posts"), types["post"] == 58 and 58)
        self.assertEqual(report.total("pages"), types["page"])
        self.assertEqual(report.total("attachments"), types["attachment"])
        self.assertEqual(report.total("comments"), comments)
        self.assertEqual(report.total("categories"), 68)
        self.assertEqual(report.total("tags"), 110)
        self.assertEqual(report.total("authors"), 2)
        # nav_menu_item and the seven other-taxonomy terms.
        self.assertEqual(report.total("other"), types["nav_menu_item"] + 7)

    def test_posts_and_pages_exist(self):
        self.assertEqual(self.report.counts["posts"]["created"], 58)
        self.assertEqual(ArticlePage.objects.count(), 58)
        self.assertEqual(StandardPage.objects.count(), 21)
        self.assertEqual(Author.objects.count(), 2)
        self.assertGreaterEqual(Tag.objects.count(), 110)

    def test_category_hierarchy_becomes_sub_sections(self):
        child = page_for(
            ImportedObject.objects.filter(kind="category")
            .exclude(wp_key="__uncategorised__")
            .order_by("pk")
            .last()
            .wp_key,
            "category",
        )
        self.assertIsInstance(child, SectionPage)
        self.assertGreater(SectionPage.objects.filter(depth__gt=3).count(), 0)

    def test_comments_post_field_by_field(self):
        page = page_for(1148)
        self.assertEqual(page.title, "Template: Comments")
        self.assertEqual(page.slug, "template-comments")
        self.assertTrue(page.live)
        self.assertEqual(page.published_at.isoformat(), "2012-01-03T17:11:37+00:00")
        self.assertEqual(page.section.slug, "classic")
        self.assertEqual(
            sorted(page.tags.values_list("slug", flat=True)), ["comments-2", "template"]
        )
        self.assertEqual([a.slug for a in page.byline_authors], ["themedemos"])
        self.assertTrue(page.body)

    def test_sticky_post_is_a_lead_story(self):
        self.assertTrue(page_for(1241).featured)
        self.assertFalse(page_for(1148).featured)

    def test_scheduled_post_waits_for_its_date(self):
        """A future post published at import would break an embargo."""
        page = page_for(1153)
        self.assertFalse(page.live)
        self.assertEqual(page.go_live_at.year, 2030)
        self.assertEqual(page.latest_revision.approved_go_live_at.year, 2030)

    def test_draft_stays_a_draft(self):
        page = page_for(1164)
        self.assertFalse(page.live)
        self.assertIsNotNone(page.latest_revision)

    def test_password_post_keeps_its_password(self):
        restriction = PageViewRestriction.objects.get(page=page_for(1168))
        self.assertEqual(restriction.restriction_type, "password")
        self.assertEqual(restriction.password, "enter")

    def test_comment_threads_are_intact(self):
        """Replies detached from their parents make a thread unreadable."""
        model = comments_model()
        if model is None:
            self.skipTest("the comments app has no table yet")
        page = page_for(1148)
        wp = next(
            r for r in read_export(self.path) if isinstance(r, Item) and r.wp_id == 1148
        )
        by_wp = {
            int(row.wp_key): row.object_id
            for row in ImportedObject.objects.filter(kind="comment")
        }
        for comment in wp.comments:
            if comment.type in ("pingback", "trackback"):
                continue
            imported = model.objects.get(pk=by_wp[comment.wp_id])
            self.assertEqual(imported.article_id, page.pk)
            expected_parent = (
                by_wp.get(comment.parent_id) if comment.parent_id else None
            )
            self.assertEqual(imported.parent_id, expected_parent)
            self.assertEqual(imported.created_at, comment.date_gmt)
        self.assertGreaterEqual(
            model.objects.filter(article=page).order_by("-depth").first().depth, 9
        )

    def test_old_urls_redirect_to_new_pages(self):
        page = page_for(1148)
        for old in ("/?p=1148", "/2012/01/03/template-comments/"):
            response = self.client.get(old)
            self.assertEqual(response.status_code, 301, old)
            self.assertEqual(response["Location"], page.url)
        section = page.section
        response = self.client.get("/category/classic/")
        self.assertEqual(response.status_code, 301)
        self.assertEqual(response["Location"], section.url)

    def test_redirects_never_loop(self):
        for redirect in Redirect.objects.select_related("redirect_page")[:500]:
            self.assertNotEqual(
                Redirect.normalise_path(redirect.link), redirect.old_path
            )

    def test_second_run_changes_nothing(self):
        """Re-running after a fix must not duplicate a single article."""
        again = run_import(self.path)
        for kind in ("posts", "pages", "categories", "tags", "authors", "redirects"):
            counts = again.counts[kind]
            self.assertEqual(counts["created"] + counts["updated"], 0, kind)
        self.assertEqual(again.counts["posts"]["unchanged"], 58)
        self.assertEqual(ArticlePage.objects.count(), 58)


@needs(PARCH)
class ParchLinuxImport(TestCase):
    """A real Gutenberg blog in Persian with percent-encoded slugs."""

    @classmethod
    def setUpTestData(cls):
        cls.path = fixture(PARCH)
        cls.report = run_import(cls.path)

    def test_counts_equal_the_export(self):
        types, comments = export_counts(self.path)
        self.assertEqual(self.report.total("posts"), types["post"])
        self.assertEqual(self.report.total("attachments"), types["attachment"])
        self.assertEqual(self.report.total("comments"), comments)
        self.assertEqual(self.report.counts["posts"]["failed"], 0)

    def test_persian_slugs_are_kept_readable(self):
        slugs = list(ArticlePage.objects.values_list("slug", flat=True))
        self.assertTrue(any("\u0639" in slug for slug in slugs))
        self.assertFalse(any("%" in slug for slug in slugs))

    def test_encoded_permalinks_redirect(self):
        for row in ImportedObject.objects.filter(kind="post")[:30]:
            page = row.target.specific
            if not page.live:
                continue
            response = self.client.get(f"/?p={row.wp_key}")
            self.assertEqual(response.status_code, 301)
            self.assertEqual(response["Location"], page.url)
