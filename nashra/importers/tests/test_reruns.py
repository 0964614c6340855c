"""Running an import again after the WordPress site changed: the ledger's updates (#7, #13)."""

from django.test import TestCase
from wagtail.models import PageViewRestriction

from nashra.articles.models import ArticlePage
from nashra.importers.models import ImportedObject

from .helpers import item, run_import, wxr


def post(post_id: int, extra: str = "", **fields) -> str:
    return item(post_id, **fields).replace("</item>", extra + "</item>")


def category(nicename: str, name: str) -> str:
    return f'<category domain="category" nicename="{nicename}"><![CDATA[{name}]]></category>'


def section(term_id: int, nicename: str, name: str) -> str:
    return (
        f"<wp:category><wp:term_id>{term_id}</wp:term_id>"
        f"<wp:category_nicename>{nicename}</wp:category_nicename>"
        "<wp:category_parent></wp:category_parent>"
        f"<wp:cat_name><![CDATA[{name}]]></wp:cat_name></wp:category>\n"
    )


def article(wp_id: int) -> ArticlePage:
    row = ImportedObject.objects.get(kind="post", wp_key=str(wp_id))
    return ArticlePage.objects.get(pk=row.object_id)


class Reruns(TestCase):
    def test_same_export_twice_is_unchanged(self):
        export = wxr(item(1, post_name="same"))
        run_import(export)
        report = run_import(export)
        self.assertEqual(report.counts["posts"]["unchanged"], 1)
        self.assertEqual(report.counts["posts"]["created"], 0)
        self.assertEqual(ArticlePage.objects.count(), 1)

    def test_changed_content_updates_the_same_page(self):
        run_import(wxr(item(2, post_name="edit", content="<p>قديم</p>")))
        pk = article(2).pk
        report = run_import(wxr(item(2, post_name="edit", content="<p>جديد</p>")))
        self.assertEqual(report.counts["posts"]["updated"], 1)
        page = article(2)
        self.assertEqual(page.pk, pk)
        self.assertEqual(page.body.raw_data[0]["value"], "<p>جديد</p>")
        self.assertEqual(ArticlePage.objects.count(), 1)

    def test_changed_title_updates(self):
        run_import(wxr(item(3, title="أول", post_name="t")))
        run_import(wxr(item(3, title="ثان", post_name="t")))
        self.assertEqual(article(3).title, "ثان")

    def test_published_then_drafted_is_unpublished(self):
        run_import(wxr(item(4, status="publish", post_name="pub")))
        self.assertTrue(article(4).live)
        run_import(wxr(item(4, status="draft", post_name="pub")))
        self.assertFalse(article(4).live)

    def test_draft_then_published_goes_live_with_its_date(self):
        run_import(wxr(item(5, status="draft", post_name="later")))
        self.assertFalse(article(5).live)
        run_import(wxr(item(5, status="publish", post_name="later")))
        page = article(5)
        self.assertTrue(page.live)
        self.assertIsNotNone(page.first_published_at)

    def test_published_then_private_is_unpublished_and_reported(self):
        run_import(wxr(item(6, post_name="priv")))
        report = run_import(wxr(item(6, status="private", post_name="priv")))
        self.assertFalse(article(6).live)
        self.assertIn(
            "private post kept as a draft",
            [p["reason"] for p in report.problems if p["kind"] == "status"],
        )

    def test_published_then_scheduled_waits_again(self):
        run_import(wxr(item(7, post_name="sched")))
        run_import(
            wxr(
                item(
                    7,
                    status="future",
                    post_name="sched",
                    post_date="2031-01-01 12:00:00",
                    post_date_gmt="2031-01-01 09:00:00",
                )
            )
        )
        page = article(7)
        self.assertFalse(page.live)
        # The scheduler publishes approved revisions; the page row is not read.
        self.assertEqual(page.latest_revision.approved_go_live_at.year, 2031)

    def test_password_added_then_removed(self):
        run_import(wxr(item(8, post_name="pw")))
        run_import(
            wxr(post(8, "<wp:post_password>كلمة</wp:post_password>", post_name="pw"))
        )
        restriction = PageViewRestriction.objects.get(page=article(8))
        self.assertEqual(restriction.password, "كلمة")
        run_import(wxr(item(8, post_name="pw")))
        self.assertFalse(PageViewRestriction.objects.filter(page=article(8)).exists())

    def test_changed_slug_renames_the_page(self):
        run_import(wxr(item(9, post_name="قديم")))
        run_import(wxr(item(9, post_name="جديد")))
        self.assertEqual(article(9).slug, "جديد")
        self.assertEqual(ArticlePage.objects.count(), 1)

    def test_moved_to_another_category_moves_the_page(self):
        terms = section(1, "local", "محليات") + section(2, "sport", "رياضة")
        run_import(wxr(terms + post(10, category("local", "محليات"), post_name="move")))
        first_parent = article(10).get_parent().slug
        self.assertEqual(article(10).get_parent().specific.title, "محليات")
        run_import(wxr(terms + post(10, category("sport", "رياضة"), post_name="move")))
        page = article(10)
        self.assertNotEqual(page.get_parent().slug, first_parent)
        self.assertEqual(page.get_parent().specific.title, "رياضة")
        self.assertEqual(ArticlePage.objects.count(), 1)

    def test_moved_and_edited_keeps_the_edit(self):
        # treebeard reloads a moved page: an edit made before the move was lost.
        terms = section(1, "local", "محليات") + section(2, "sport", "رياضة")
        run_import(wxr(terms + post(12, category("local", "محليات"), title="قبل",
                                    content="<p>قديم</p>", post_name="both")))  # fmt: skip
        run_import(wxr(terms + post(12, category("sport", "رياضة"), title="بعد",
                                    content="<p>جديد</p>", post_name="both")))  # fmt: skip
        page = article(12)
        self.assertEqual(page.get_parent().specific.title, "رياضة")
        self.assertEqual(page.title, "بعد")
        self.assertEqual(page.body.raw_data[0]["value"], "<p>جديد</p>")
        self.assertEqual(page.get_latest_revision().content["title"], "بعد")

    def test_post_trashed_after_import_is_skipped_not_duplicated(self):
        run_import(wxr(item(11, post_name="bin")))
        report = run_import(wxr(item(11, status="trash", post_name="bin")))
        self.assertEqual(report.counts["posts"]["skipped"], 1)
        self.assertEqual(ArticlePage.objects.count(), 1)

    def test_page_deleted_on_nashra_is_made_again(self):
        run_import(wxr(item(12, post_name="gone")))
        article(12).delete()
        report = run_import(wxr(item(12, post_name="gone")))
        self.assertEqual(report.counts["posts"]["created"], 1)
        self.assertEqual(article(12).slug, "gone")

    def test_two_posts_with_one_id_make_one_page(self):
        export = wxr(item(13, post_name="twin") + item(13, post_name="twin"))
        report = run_import(export)
        self.assertEqual(
            ImportedObject.objects.filter(kind="post", wp_key="13").count(), 1
        )
        self.assertEqual(ArticlePage.objects.count(), 1)
        self.assertEqual(report.counts["posts"]["failed"], 0)

    def test_dry_run_after_a_real_run_changes_nothing(self):
        run_import(wxr(item(14, post_name="dry", content="<p>أ</p>")))
        run_import(wxr(item(14, post_name="dry", content="<p>ب</p>")), dry_run=True)
        self.assertEqual(article(14).body.raw_data[0]["value"], "<p>أ</p>")
