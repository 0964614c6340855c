"""posts.py: WordPress statuses, passwords, titles, excerpts and featured ids (#7, #13)."""

from datetime import UTC, datetime

from django.test import TestCase
from wagtail.models import PageViewRestriction

from nashra.articles.models import ArticlePage

from .helpers import item, run_import, wxr


def post(post_id: int, extra: str = "", **fields) -> str:
    """item() with more WXR elements (postmeta, password …) inside it."""
    return item(post_id, **fields).replace("</item>", extra + "</item>")


def meta(key: str, value: str) -> str:
    return (
        f"<wp:postmeta><wp:meta_key>{key}</wp:meta_key>"
        f"<wp:meta_value><![CDATA[{value}]]></wp:meta_value></wp:postmeta>"
    )


def problems(report, wp_id: int, kind: str) -> list[str]:
    return [
        p["reason"]
        for p in report.problems
        if p["item"] == str(wp_id) and p["kind"] == kind
    ]


class Statuses(TestCase):
    @classmethod
    def setUpTestData(cls):
        items = (
            item(1, status="publish", post_name="live")
            + item(2, status="draft", post_name="draft")
            + item(3, status="pending", post_name="pending")
            + item(
                4,
                status="future",
                post_name="future",
                post_date="2031-05-01 10:00:00",
                post_date_gmt="2031-05-01 07:00:00",
            )
            + item(5, status="private", post_name="private")
            + item(6, status="trash", post_name="trash")
            + item(7, status="auto-draft", post_name="auto")
            + item(8, status="inherit-weird", post_name="odd")
            + item(9, status="draft", post_name="zero-gmt",
                   post_date_gmt="0000-00-00 00:00:00")
            + item(10, post_name="no-dates", post_date="0000-00-00 00:00:00",
                   post_date_gmt="0000-00-00 00:00:00")
        )  # fmt: skip
        cls.report = run_import(wxr(items))

    def page(self, slug):
        return ArticlePage.objects.get(slug=slug)

    def test_publish_is_live_with_its_gmt_date(self):
        page = self.page("live")
        self.assertTrue(page.live)
        self.assertEqual(page.first_published_at, datetime(2024, 3, 1, 9, tzinfo=UTC))
        self.assertEqual(page.published_at, datetime(2024, 3, 1, 9, tzinfo=UTC))

    def test_draft_and_pending_are_drafts_never_published(self):
        for slug in ("draft", "pending"):
            page = self.page(slug)
            self.assertFalse(page.live, slug)
            self.assertIsNone(page.first_published_at, slug)
            self.assertTrue(page.has_unpublished_changes, slug)

    def test_future_is_scheduled_at_its_date(self):
        page = self.page("future")
        self.assertFalse(page.live)
        revision = page.latest_revision
        self.assertEqual(
            revision.approved_go_live_at, datetime(2031, 5, 1, 7, tzinfo=UTC)
        )

    def test_private_is_a_draft_and_reported(self):
        self.assertFalse(self.page("private").live)
        self.assertEqual(
            problems(self.report, 5, "status"), ["private post kept as a draft"]
        )

    def test_trash_auto_draft_and_unknown_statuses_are_skipped(self):
        self.assertFalse(
            ArticlePage.objects.filter(slug__in=["trash", "auto", "odd"]).exists()
        )
        self.assertEqual(
            problems(self.report, 6, "status"), ["not imported: in the trash"]
        )
        self.assertEqual(
            problems(self.report, 7, "status"), ["not imported: an unsaved auto-draft"]
        )
        self.assertEqual(
            problems(self.report, 8, "status"),
            ["not imported: unknown status 'inherit-weird'"],
        )

    def test_draft_without_gmt_date_takes_local_time_as_utc(self):
        page = self.page("zero-gmt")
        self.assertEqual(page.published_at, datetime(2024, 3, 1, 12, tzinfo=UTC))
        self.assertEqual(
            problems(self.report, 9, "date"),
            ["post_date: no GMT date, local time as UTC"],
        )

    def test_published_post_without_any_date_is_still_live(self):
        page = self.page("no-dates")
        self.assertTrue(page.live)
        # A live article needs a date: publishing gives it the import's time.
        self.assertIsNotNone(page.published_at)
        self.assertIsNotNone(page.first_published_at)

    def test_every_post_is_counted_once(self):
        self.assertEqual(self.report.counts["posts"]["created"], 7)
        self.assertEqual(self.report.counts["posts"]["skipped"], 3)
        self.assertEqual(self.report.counts["posts"]["failed"], 0)


class PostFields(TestCase):
    @classmethod
    def setUpTestData(cls):
        long_excerpt = "كلمة " * 200
        items = (
            post(
                11,
                "<wp:post_password>سر123</wp:post_password>"
                "<wp:is_sticky>1</wp:is_sticky>",
                post_name="secret",
            )
            + post(
                12,
                f"<excerpt:encoded><![CDATA[{long_excerpt}]]></excerpt:encoded>",
                post_name="long",
            )
            + post(
                13,
                "<excerpt:encoded><![CDATA[<p>موجز <b>قصير</b></p>]]></excerpt:encoded>",
                post_name="short",
            )
            + item(14, title="", post_name="")
            + item(15, title="&lt;b&gt;عنوان&lt;/b&gt; &amp; المزيد", post_name="t")
            + item(16, title="", post_name="no-title")
        )
        cls.report = run_import(wxr(items))

    def test_password_becomes_a_view_restriction(self):
        page = ArticlePage.objects.get(slug="secret")
        restriction = PageViewRestriction.objects.get(page=page)
        self.assertEqual(restriction.restriction_type, PageViewRestriction.PASSWORD)
        self.assertEqual(restriction.password, "سر123")

    def test_sticky_is_featured(self):
        self.assertTrue(ArticlePage.objects.get(slug="secret").featured)
        self.assertFalse(ArticlePage.objects.get(slug="long").featured)

    def test_long_excerpt_is_cut_with_an_ellipsis_and_reported(self):
        summary = ArticlePage.objects.get(slug="long").summary
        self.assertEqual(len(summary), 600)
        self.assertTrue(summary.endswith("…"))
        self.assertEqual(
            problems(self.report, 12, "excerpt"), ["excerpt cut to 600 characters"]
        )

    def test_excerpt_markup_becomes_plain_text(self):
        self.assertEqual(ArticlePage.objects.get(slug="short").summary, "موجز قصير")

    def test_no_title_and_no_slug_falls_back_to_the_id(self):
        page = ArticlePage.objects.get(title="#14")
        self.assertEqual(page.slug, "14")

    def test_title_entities_are_decoded_and_tags_dropped(self):
        self.assertEqual(ArticlePage.objects.get(slug="t").title, "عنوان & المزيد")

    def test_no_title_takes_the_slug(self):
        self.assertEqual(ArticlePage.objects.get(slug="no-title").title, "no-title")


class FeaturedImageIds(TestCase):
    def test_odd_thumbnail_ids_never_fail_the_post(self):
        # "²" passed str.isdigit() and then int() raised: the post was lost.
        values = ["²", "١٢", "", "abc", "-5", " 99 "]
        items = "".join(
            post(20 + n, meta("_thumbnail_id", value), post_name=f"thumb-{n}")
            for n, value in enumerate(values)
        )
        report = run_import(wxr(items))
        self.assertEqual(report.counts["posts"]["failed"], 0, report.problems)
        self.assertEqual(report.counts["posts"]["created"], len(values))
        self.assertEqual(
            set(ArticlePage.objects.values_list("featured_image_id", flat=True)),
            {None},
        )
        self.assertEqual(
            problems(report, 25, "image"), ["featured image 99 not imported"]
        )
