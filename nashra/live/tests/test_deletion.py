"""A deleted entry is gone from every copy within 5 s (#15).

Readers' complaint about other live blogs: a deleted entry kept showing
from caches, a legal problem when it was deleted for being wrong. Page,
tail, entries API, Atom feed, JSON-LD and the statically published file
must all stop showing it, while cached copies of each existed.
"""

import tempfile
import time
from pathlib import Path

from django.test import Client, TestCase

from nashra.live import writing
from nashra.live.factories import post_text
from nashra.live.tests.base import LiveDesk, json_ld, readable

DOOMED = "رقم خاطئ عن نسبة المشاركة"
KEPT = "مراكز الاقتراع تفتح أبوابها"


class DeletionEverywhereTests(LiveDesk, TestCase):
    def setUp(self):
        super().setUp()
        self.published = Path(tempfile.mkdtemp())
        self.enterContext(
            self.settings(STATIC_PUBLISH=True, STATIC_PUBLISH_DIR=self.published)
        )
        with self.captureOnCommitCallbacks(execute=True):
            post_text(self.live, KEPT, self.editor)
            self.doomed = post_text(self.live, DOOMED, self.editor, key_event=True)
        pk = self.live.pk
        self.urls = [self.live.url, f"/live/{pk}/tail/", f"/live/{pk}/feed/",
                     f"/api/v1/live/{pk}/entries/"]  # fmt: skip
        self.reader = Client()

    def copies(self):
        """Each address as a reader gets it, and the published file."""
        found = {url: readable(self.reader.get(url)) for url in self.urls}
        files = list(self.published.rglob("index.html"))
        found["file"] = "".join(f.read_text() for f in files)
        return found

    def test_deleted_entry_disappears_from_every_cached_copy(self):
        for url in self.urls:
            self.reader.get(url)
            self.assertEqual(self.reader.get(url)["X-Cache"], "HIT", url)
        before = self.copies()
        for where, text in before.items():
            self.assertIn(DOOMED, text, where)
        page = self.reader.get(self.live.url)
        self.assertIn(DOOMED, str(json_ld(page)))

        started = time.monotonic()
        with self.captureOnCommitCallbacks(execute=True):
            writing.delete(self.doomed)
        after = self.copies()
        page = self.reader.get(self.live.url)
        elapsed = time.monotonic() - started

        for where, text in after.items():
            self.assertNotIn(DOOMED, text, where)
        self.assertNotIn(DOOMED, str(json_ld(page)))
        self.assertIn(KEPT, after[self.live.url])
        self.assertLess(elapsed, 5)
        # Open pages learn it from the tail: a tombstone, without the text.
        tail = self.reader.get(self.urls[1]).json()
        gone = [c for c in tail["changes"] if c["id"] == self.doomed.pk]
        self.assertEqual(gone, [{"id": self.doomed.pk, "v": gone[0]["v"],
                                 "deleted": True}])  # fmt: skip

    def test_the_row_keeps_no_body(self):
        with self.captureOnCommitCallbacks(execute=True):
            writing.delete(self.doomed)
        self.doomed.refresh_from_db()
        self.assertEqual(len(self.doomed.body), 0)
        self.assertFalse(self.doomed.key_event)

    def test_an_edit_replaces_the_entry_in_every_copy(self):
        for url in self.urls:
            self.reader.get(url)
        with self.captureOnCommitCallbacks(execute=True):
            writing.change(self.doomed, blocks=writing.text_blocks("رقم مصحح"))
        for where, text in self.copies().items():
            if where != "file":
                self.assertNotIn(DOOMED, text, where)
                self.assertIn("رقم مصحح", text, where)
