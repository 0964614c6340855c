"""The tail published as a file for nginx, deleted by the next update (#15).

Behind nginx (docs/nginx.conf) every open page's poll between two updates is
answered from the file; Nashra sees only the first few after each update.
"""

import json
import tempfile
from pathlib import Path

from django.test import Client, TestCase

from nashra.live.factories import post_text
from nashra.live.tests.base import LiveDesk


class PublishedTailTests(LiveDesk, TestCase):
    def setUp(self):
        super().setUp()
        self.published = Path(self.enterContext(tempfile.TemporaryDirectory()))
        self.enterContext(
            self.settings(STATIC_PUBLISH=True, STATIC_PUBLISH_DIR=self.published)
        )

    def files(self, part):
        return [f for f in self.published.rglob("index.html") if part in str(f)]

    def test_the_tail_is_a_file_until_the_next_update(self):
        url = f"/live/{self.live.pk}/tail/"
        Client().get(url)
        (tail,) = self.files("/tail/")
        self.assertEqual(json.loads(tail.read_text())["changes"], [])
        with self.captureOnCommitCallbacks(execute=True):
            post_text(self.live, "تحديث جديد")
        self.assertFalse(tail.exists())
        Client().get(url)
        (tail,) = self.files("/tail/")
        self.assertIn("تحديث جديد", tail.read_text())

    def test_other_json_is_not_published(self):
        """nginx would serve a published API answer as HTML from "/"."""
        Client().get("/api/v1/live/")
        Client().get(f"/api/v1/live/{self.live.pk}/entries/")
        self.assertEqual(self.files("/api/"), [])
