"""Any export imports in bounded memory; a post over the stated size is
refused and reported, its neighbours imported (#17: a 200 MB export with one
huge post took 6.3 GB)."""

import io
import tempfile
import tracemalloc
from pathlib import Path

from defusedxml import ElementTree as ET
from django.core.management import call_command
from django.test import SimpleTestCase, TestCase

from nashra.articles.models import ArticlePage
from nashra.importers.wxr import Item, OversizedItem, read_export
from nashra.importers.wxr.bounded import OVERSIZE_MARK, BoundedText

from .helpers import export_file, item, run_import, wxr

MiB = 1 << 20
HUGE_TEXT = "نص طويل جدا <b>عريض</b> &amp; "


def passed(data: bytes, limit: int = MiB, size: int = 16384) -> tuple[bytes, int]:
    stream = BoundedText(io.BytesIO(data), limit)
    chunks = iter(lambda: stream.read(size), b"")
    return b"".join(chunks), stream.cuts


def comment(n: int, text: str) -> str:
    return (
        f"<wp:comment><wp:comment_id>{n}</wp:comment_id>"
        f"<wp:comment_content><![CDATA[{text}]]></wp:comment_content>"
        "<wp:comment_approved>1</wp:comment_approved></wp:comment>"
    )


def records(data: bytes, **options) -> list:
    return list(read_export(io.BytesIO(data), **options))


class TheStreamCutsOnlyOverLongTexts(SimpleTestCase):
    def test_an_export_within_the_limit_passes_byte_for_byte(self):
        data = wxr(item(1, content="<p>" + "س" * 400_000 + "</p>") + item(2))
        for size in (5, 9, 100, 16384):
            with self.subTest(size=size):
                self.assertEqual(passed(data, size=size), (data, 0))

    def test_a_long_cdata_is_cut_at_the_limit_and_marked(self):
        data = f"<r><a><![CDATA[{'x' * (3 * MiB)}]]></a><b>بعد</b></r>".encode()
        out, cuts = passed(data)
        root = ET.fromstring(out)
        self.assertEqual(cuts, 1)
        self.assertTrue(root.find("a").text.endswith(OVERSIZE_MARK))
        self.assertLess(len(root.find("a").text), MiB + 100)
        self.assertEqual(root.find("b").text, "بعد")

    def test_a_long_escaped_text_is_cut_off_its_entities_and_characters(self):
        text = "ي&amp;&#1575;" * (MiB // 5)
        out, cuts = passed(f"<r><a>{text}</a><b>بعد</b></r>".encode(), size=1000)
        root = ET.fromstring(out)  # still well-formed: no half entity or letter
        self.assertEqual(cuts, 1)
        self.assertIn(OVERSIZE_MARK, root.find("a").text)
        self.assertEqual(root.find("b").text, "بعد")


class TheReaderRefusesOversizedItems(SimpleTestCase):
    def test_a_huge_post_comes_as_oversized_between_whole_neighbours(self):
        huge = item(2, title="ضخم", content=HUGE_TEXT * (2 * MiB // len(HUGE_TEXT)))
        found = records(wxr(item(1) + huge + item(3)), max_post_bytes=MiB)
        items = [r for r in found if isinstance(r, Item | OversizedItem)]
        self.assertEqual([type(r) for r in items], [Item, OversizedItem, Item])
        refused = items[1]
        self.assertEqual((refused.wp_id, refused.post_type, refused.title),
                         (2, "post", "ضخم"))  # fmt: skip
        self.assertGreater(refused.size, MiB)
        self.assertEqual(items[2].content, "<p>نص</p>")

    def test_a_post_just_under_the_limit_is_whole(self):
        content = "x" * (MiB - 1000)
        (found,) = [r for r in records(wxr(item(1, content=content)),
                                       max_post_bytes=MiB) if isinstance(r, Item)]  # fmt: skip
        self.assertEqual(found.content, content)

    def test_many_comments_over_four_times_the_limit_refuse_the_item(self):
        comments = "".join(comment(n, "تعليق " * 200) for n in range(4 * MiB // 1200))
        post = item(5, title="كثير التعليقات").replace("</item>", comments + "</item>")
        found = [r for r in records(wxr(post + item(6)), max_post_bytes=MiB)
                 if isinstance(r, Item | OversizedItem)]  # fmt: skip
        self.assertIsInstance(found[0], OversizedItem)
        self.assertEqual((found[0].wp_id, found[0].title), (5, "كثير التعليقات"))
        self.assertIsInstance(found[1], Item)

    def test_brief_reading_refuses_it_too(self):
        huge = item(2, content="x" * (2 * MiB))
        found = records(wxr(huge), brief=True, max_post_bytes=MiB)
        self.assertIsInstance(found[-1], OversizedItem)


class MemoryStaysBounded(SimpleTestCase):
    def test_reading_a_40_mb_post_holds_a_few_mb(self):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "export.xml"
            head, tail = wxr(item(1, content="@@")).split(b"@@")
            block = (HUGE_TEXT * 4000).encode()
            with path.open("wb") as out:
                out.write(head)
                for _ in range(40 * MiB // len(block)):
                    out.write(block)
                out.write(tail)
            tracemalloc.start()
            try:
                found = [type(r) for r in read_export(path, max_post_bytes=MiB)]
                _, peak = tracemalloc.get_traced_memory()
            finally:
                tracemalloc.stop()
        self.assertIn(OversizedItem, found)
        # Without the cut the text was held whole, twice: about 80 MB.
        self.assertLess(peak, 8 * MiB)


class ImportingAroundAHugePost(TestCase):
    def test_the_neighbours_import_and_the_huge_post_is_reported(self):
        huge = item(2, title="ضخم", post_name="huge",
                    content=HUGE_TEXT * (2 * MiB // len(HUGE_TEXT)))  # fmt: skip
        export = wxr(item(1, post_name="one") + huge + item(3, post_name="three"))
        report = run_import(export, max_post_bytes=MiB)
        self.assertEqual(report.counts["posts"]["created"], 2)
        self.assertEqual(report.counts["posts"]["skipped"], 1)
        self.assertEqual(sorted(ArticlePage.objects.values_list("slug", flat=True)),
                         ["one", "three"])  # fmt: skip
        (problem,) = [p for p in report.iter_problems() if p["kind"] == "size"]
        self.assertEqual(problem["item"], "2")
        self.assertIn("1,048,576 bytes", problem["reason"])
        self.assertIn("NASHRA_IMPORT_MAX_POST_BYTES", problem["reason"])
        # A second run refuses it again and changes nothing else.
        again = run_import(export, max_post_bytes=MiB)
        self.assertEqual(again.counts["posts"]["unchanged"], 2)
        self.assertEqual(ArticlePage.objects.count(), 2)

    def test_the_command_says_what_was_refused_and_takes_the_limit(self):
        huge = item(2, title="ضخم", content="x" * (2 * MiB))
        out = io.StringIO()
        call_command("import_wordpress", str(export_file(wxr(item(1) + huge))),
                     "--max-post-bytes", str(MiB), stdout=out, stderr=io.StringIO())  # fmt: skip
        self.assertIn("2: size: not imported: post «ضخم»", out.getvalue())
        self.assertEqual(ArticlePage.objects.count(), 1)

    def test_a_limit_under_one_mib_is_refused_in_one_line(self):
        err = io.StringIO()
        with self.assertRaises(SystemExit) as stop:
            call_command("import_wordpress", str(export_file(wxr(item(1)))),
                         "--max-post-bytes", "1000", stderr=err)  # fmt: skip
        self.assertEqual(stop.exception.code, 2)
        self.assertIn("--max-post-bytes must be at least 1,048,576", err.getvalue())
        self.assertEqual(ArticlePage.objects.count(), 0)
