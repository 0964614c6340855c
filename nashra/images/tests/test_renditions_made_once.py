"""Renditions are made when a photo is saved, by one encoder at a time (#12).

bench/side_by_side.py opened a new article with 16 readers at once: every
request thread encoded the same AVIF and WebP copies, inserts waited past
SQLite's busy timeout and the readers got 500s.
"""

import tempfile
import threading
from pathlib import Path
from unittest import mock

from django.test import TestCase, TransactionTestCase
from wagtail.models import Collection

from nashra.images import locks, renditions
from nashra.images.factories import create_image, jpeg_bytes
from nashra.images.models import NewsImage
from nashra.images.warm import make_renditions


class MadeOnSave(TestCase):
    def test_a_saved_photo_has_every_published_size_already(self):
        with self.captureOnCommitCallbacks(execute=True):
            image = create_image("صورة الخبر", data=jpeg_bytes(1600, 900))
        made = set(image.renditions.values_list("filter_spec", flat=True))
        self.assertEqual(made, set(renditions.EVERY))

    def test_nothing_is_encoded_before_the_save_commits(self):
        with self.captureOnCommitCallbacks(execute=False) as waiting:
            image = create_image("صورة", data=jpeg_bytes(800, 450))
        self.assertEqual(image.renditions.count(), 0)
        queued = [getattr(callback, "func", None) for callback in waiting]
        self.assertIn(make_renditions, queued)

    def test_a_photo_pillow_cannot_read_is_kept_and_logged(self):
        image = create_image("صورة", data=jpeg_bytes(800, 450))
        with mock.patch.object(
            NewsImage, "get_renditions", side_effect=OSError("truncated")
        ):
            with self.assertLogs("nashra.images.warm", "WARNING"):
                make_renditions(image.pk)
        self.assertTrue(NewsImage.objects.filter(pk=image.pk).exists())

    def test_a_deleted_photo_is_skipped(self):
        make_renditions(10**9)  # no error


class OneEncoderPerImage(TransactionTestCase):
    def setUp(self):
        # An earlier TransactionTestCase's flush took the root collection
        # that every image belongs to.
        if not Collection.objects.exists():
            Collection.add_root(name="Root")

    def test_readers_at_once_encode_each_size_once(self):
        with mock.patch("nashra.images.warm.make_renditions"):
            image = create_image("صورة عاجلة", data=jpeg_bytes(1600, 900))
        encoded = []
        original = NewsImage.generate_rendition_instance

        def counted(self, filter, source):
            encoded.append(filter.spec)
            return original(self, filter, source)

        start = threading.Barrier(4)

        def reader():
            from django.db import connection

            try:
                start.wait()
                NewsImage.objects.get(pk=image.pk).get_renditions(*renditions.ARTICLE)
            finally:
                connection.close()

        with mock.patch.object(NewsImage, "generate_rendition_instance", counted):
            threads = [threading.Thread(target=reader) for _ in range(4)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        self.assertEqual(sorted(encoded), sorted(renditions.ARTICLE))
        self.assertEqual(image.renditions.count(), len(renditions.ARTICLE))


class Lock(TestCase):
    def test_a_second_holder_waits_then_gives_up(self):
        with tempfile.TemporaryDirectory() as folder:
            with locks.held(folder, "x") as first:
                with locks.held(folder, "x", wait=0.1) as second:
                    self.assertEqual((first, second), (True, False))
            with locks.held(folder, "x", wait=0.1) as again:
                self.assertIs(again, True)

    def test_a_read_only_folder_does_not_stop_the_page(self):
        with tempfile.TemporaryDirectory() as folder:
            blocked = Path(folder) / "file"
            blocked.write_text("")
            with locks.held(blocked / "locks", "x") as taken:
                self.assertIs(taken, False)
