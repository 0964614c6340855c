"""Media served by the embedded set-up say how long a reader may keep them (#12)."""

import shutil
from pathlib import Path
from tempfile import mkdtemp

from django.test import TestCase, override_settings


class MediaLifetimeTests(TestCase):
    def setUp(self):
        self.root = Path(mkdtemp())
        (self.root / "images").mkdir()
        (self.root / "images" / "lead.fill-640x360.format-avif.avif").write_bytes(
            b"avif"
        )
        (self.root / "notes.txt").write_text("x")
        self.addCleanup(shutil.rmtree, self.root)

    def get(self, path):
        with override_settings(MEDIA_ROOT=self.root):
            return self.client.get("/media/" + path)

    def test_a_rendition_is_kept_a_year(self):
        response = self.get("images/lead.fill-640x360.format-avif.avif")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response["Cache-Control"], "public, max-age=31536000, immutable"
        )

    def test_other_media_are_kept_an_hour(self):
        response = self.get("notes.txt")
        self.assertEqual(response["Cache-Control"], "public, max-age=3600")

    def test_a_missing_file_is_the_sites_own_404(self):
        response = self.get("images/none.avif")
        self.assertEqual(response.status_code, 404)
        self.assertFalse(response.has_header("Cache-Control"))
