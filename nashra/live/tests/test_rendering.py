"""The first view of a long live page stays cheap (#15): 2,000 entries must
render in ≤ 50 ms uncached (figures: bench/live_render_bench.py)."""

from django.db import connection
from django.test import Client, TestCase, override_settings
from django.test.signals import template_rendered
from django.test.utils import CaptureQueriesContext

from nashra.live import stream, writing
from nashra.live.factories import post_text
from nashra.live.tests.base import LiveDesk, readable


class EntryRenders:
    """Counts the renders of one entry's template while it is open."""

    def __init__(self):
        self.count = 0

    def heard(self, sender, template, **kwargs):
        if template.name == stream.ENTRY_TEMPLATE:
            self.count += 1

    def __enter__(self):
        template_rendered.connect(self.heard)
        return self

    def __exit__(self, *exc):
        template_rendered.disconnect(self.heard)


@override_settings(PAGE_CACHE=False)
class FirstViewTests(LiveDesk, TestCase):
    def test_an_update_renders_only_the_entry_that_changed(self):
        """Every uncached view rendered all 40 entries of the first page:
        half of its time with 2,000 entries. Each entry is rendered once
        per version; the rest of the view reuses their HTML."""
        made = [post_text(self.live, f"تحديث {n}", self.editor) for n in range(5)]
        Client().get(self.live.url)
        with EntryRenders() as renders:
            Client().get(self.live.url)
        self.assertEqual(renders.count, 0)
        post_text(self.live, "تحديث جديد")
        writing.change(made[0], blocks=writing.text_blocks("نص مصحح"))
        with EntryRenders() as renders:
            text = readable(Client().get(self.live.url))
        self.assertEqual(renders.count, 2)
        self.assertIn("تحديث جديد", text)
        self.assertIn("نص مصحح", text)
        self.assertNotIn("تحديث 0", text)

    def test_the_tail_and_the_feed_reuse_the_page_s_entries(self):
        for word in ("أول", "ثان", "أخير"):
            post_text(self.live, f"تحديث {word}")
        Client().get(self.live.url)
        with EntryRenders() as renders:
            self.assertIn("تحديث أخير", Client().get(f"/live/{self.live.pk}/tail/").json()
                          ["changes"][-1]["html"])  # fmt: skip
            Client().get(f"/live/{self.live.pk}/feed/")
        self.assertEqual(renders.count, 0)

    def test_queries_do_not_grow_with_entries_or_key_events(self):
        """N+1 guard: an entry's body and author are read only for entries
        whose HTML is not cached yet, all in one query."""

        def queries():
            with CaptureQueriesContext(connection) as captured:
                Client().get(self.live.url)
            return len(captured)

        post_text(self.live, "أول", self.editor, key_event=True)
        Client().get(self.live.url)
        post_text(self.live, "ثان", self.editor)
        one_new, warm = queries(), queries()
        for n in range(stream.PER_PAGE + 5):
            post_text(self.live, f"تحديث {n}", self.editor, key_event=n % 3 == 0)
        self.assertEqual(queries(), one_new)
        self.assertEqual(queries(), warm)
        self.assertLess(warm, one_new)

    def test_key_events_are_read_from_their_own_index(self):
        """Found by a scan among 2,000 entries, they cost 10 ms a view."""
        if connection.vendor != "sqlite":
            self.skipTest("the plan is SQLite's; PostgreSQL picks by table size")
        plan = self.live.entries.shown().filter(stream.HIGHLIGHTED).explain()
        self.assertIn("live_entry_highlights", plan)
