"""`nashra import_wordpress`: its options, its exit codes and its report (#7).

Each export is written here by hand; nothing depends on ../shared.
"""

import io
import json

import pytest
from django.core.management import call_command
from django.test import TestCase

from nashra.articles.models import ArticlePage
from nashra.comments.models import Comment, Status
from nashra.importers.report import KINDS, OUTCOMES, Report

from .helpers import export_file, item, wxr


def comment(wp_id, parent=0, approved="1", email="reader@example.com", kind=""):
    return (
        f"<wp:comment><wp:comment_id>{wp_id}</wp:comment_id>"
        f"<wp:comment_author>قارئ {wp_id}</wp:comment_author>"
        f"<wp:comment_author_email>{email}</wp:comment_author_email>"
        "<wp:comment_author_IP>203.0.113.9</wp:comment_author_IP>"
        "<wp:comment_date_gmt>2024-03-02 10:00:00</wp:comment_date_gmt>"
        f"<wp:comment_content>تعليق {wp_id}</wp:comment_content>"
        f"<wp:comment_approved>{approved}</wp:comment_approved>"
        f"<wp:comment_type>{kind}</wp:comment_type>"
        f"<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>"
    )


def with_comments(post, *comments):
    return post.replace("</item>", "".join(comments) + "</item>")


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_wordpress", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


class Command(TestCase):
    def test_the_table_lists_every_kind_and_outcome(self):
        out, _ = run(export_file(wxr(item(1) + item(2, status="trash"))))
        for word in (*KINDS, *OUTCOMES):
            self.assertIn(word, out)
        self.assertIn("problems: 1", out)
        self.assertIn("2: status: not imported: in the trash", out)

    def test_dry_run_saves_nothing_and_says_so(self):
        out, _ = run(export_file(wxr(item(1))), "--dry-run")
        self.assertIn("dry run: nothing was saved", out)
        self.assertFalse(ArticlePage.objects.filter(title="خبر عاجل").exists())

    def test_report_json_has_the_tallies_and_every_problem(self):
        path = export_file(b"")
        report_path = path.with_suffix(".json")
        posts = "".join(
            item(n, status="trash", post_name=f"p{n}") for n in range(1, 31)
        )
        out, _ = run(export_file(wxr(posts)), "--report", report_path)
        data = json.loads(report_path.read_text(encoding="utf-8"))
        self.assertEqual(data["posts"]["skipped"], 30)
        self.assertEqual(len(data["problems"]), 30)
        self.assertIn("… 10 more (see --report)", out)

    def test_a_missing_uploads_folder_exits_2(self):
        with pytest.raises(SystemExit) as caught:
            run(export_file(wxr(item(1))), "--uploads", "/nonexistent/uploads")
        self.assertEqual(caught.value.code, 2)

    def test_a_missing_export_exits_2_in_both_languages(self):
        err = io.StringIO()
        with pytest.raises(SystemExit):
            call_command("import_wordpress", "/nonexistent/export.xml", stderr=err)
        self.assertIn("cannot open export", err.getvalue())
        self.assertIn("·", err.getvalue())

    def test_a_batch_size_of_zero_still_imports(self):
        run(
            export_file(wxr(item(1, post_name="a") + item(2, post_name="b"))),
            "--batch-size",
            "0",
        )
        self.assertEqual(ArticlePage.objects.filter(title="خبر عاجل").count(), 2)

    def test_a_second_run_changes_nothing(self):
        data = export_file(wxr(item(1) + item(2, post_name="ثان")))
        run(data)
        out, _ = run(data)
        self.assertEqual(ArticlePage.objects.filter(title="خبر عاجل").count(), 2)
        self.assertRegex(out, r"posts\s+0\s+0\s+2\s+0\s+0")


class Comments(TestCase):
    def test_threads_states_and_orphans(self):
        post = with_comments(
            item(1),
            comment(12, parent=11),  # a reply before its parent in the file
            comment(11),
            comment(13, parent=99),  # its parent is not in the export
            comment(14, approved="0"),
            comment(15, approved="spam"),
            comment(16, kind="pingback"),
        )
        out, _ = run(export_file(wxr(post)))
        rows = {c.name: c for c in Comment.objects.all()}
        self.assertEqual(rows["قارئ 12"].parent, rows["قارئ 11"])
        self.assertEqual(rows["قارئ 12"].depth, 2)
        self.assertIsNone(rows["قارئ 13"].parent)
        self.assertEqual(rows["قارئ 14"].status, Status.PENDING)
        self.assertEqual(rows["قارئ 15"].status, Status.SPAM)
        self.assertNotIn("قارئ 16", rows)
        self.assertIn("reply to missing comment 99", out)
        self.assertIn("pingback not imported", out)

    def test_comments_that_reply_to_each_other_in_a_loop_are_imported_once(self):
        post = with_comments(item(1), comment(21, parent=22), comment(22, parent=21))
        run(export_file(wxr(post)))
        self.assertEqual(Comment.objects.count(), 2)

    def test_a_duplicate_comment_id_is_one_comment(self):
        post = with_comments(item(1), comment(31), comment(31))
        run(export_file(wxr(post)))
        self.assertEqual(Comment.objects.filter(name="قارئ 31").count(), 1)

    def test_an_invalid_ip_is_dropped_not_stored(self):
        post = with_comments(item(1), comment(41).replace("203.0.113.9", "not-an-ip"))
        run(export_file(wxr(post)))
        self.assertIsNone(Comment.objects.get().ip)

    def test_comments_on_pages_and_trashed_posts_are_skipped_with_a_reason(self):
        page = with_comments(item(2, post_type="page", post_name="عن"), comment(51))
        trashed = with_comments(item(3, status="trash", post_name="x"), comment(52))
        out, _ = run(export_file(wxr(page + trashed)))
        self.assertFalse(Comment.objects.exists())
        self.assertIn("pages take no comments", out)
        self.assertIn("its post was not imported", out)


def test_report_buckets_refuse_unknown_outcomes():
    report = Report()
    with pytest.raises(ValueError):
        report.count("posts", "lost")


def test_report_json_streams_problems_in_order():
    report = Report()
    for n in range(3):
        report.problem(n, "kind", f"سبب {n}")
    data = json.loads(report.to_json())
    assert [p["reason"] for p in data["problems"]] == ["سبب 0", "سبب 1", "سبب 2"]
    assert report.sample == data["problems"]
    report.problem(3, "kind", "بعد القراءة")
    assert len(report.problems) == 4
