"""Byte ranges on documents and media, so an audio or video story seeks (#20)."""

import pytest
from django.test import TestCase

from nashra.articles.factories import create_document
from nashra.core.ranges import parse

DATA = bytes(range(256)) * 40  # 10,240 bytes, each offset recognisable


@pytest.mark.parametrize(
    ("header", "found"),
    [
        ("bytes=0-99", (0, 99)),
        ("bytes=100-", (100, 10239)),
        ("bytes=-240", (10000, 10239)),
        ("bytes=10000-99999", (10000, 10239)),
        ("bytes=-99999", (0, 10239)),
        ("bytes=10240-", "unsatisfiable"),
        ("bytes=-0", "unsatisfiable"),
        ("bytes=5-1", None),
        ("bytes=0-1,5-9", None),
        ("items=0-1", None),
        ("bytes=-", None),
    ],
)
def test_parse(header, found):
    assert parse(header, len(DATA)) == found


class DocumentRanges(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.document = create_document("حلقة", DATA, "episode.mp3")

    def test_whole_file_says_ranges_are_accepted(self):
        response = self.client.get(self.document.url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Accept-Ranges"], "bytes")
        self.assertEqual(b"".join(response.streaming_content), DATA)
        self.assertEqual(response["Content-Type"], "audio/mpeg")

    def test_a_range_is_answered_with_206(self):
        """A player seeking to the middle gets exactly the bytes it asked
        for, with the total size, or it cannot seek (Safari will not play)."""
        response = self.client.get(self.document.url, HTTP_RANGE="bytes=1000-1999")
        self.assertEqual(response.status_code, 206)
        self.assertEqual(response["Content-Range"], "bytes 1000-1999/10240")
        self.assertEqual(response["Content-Length"], "1000")
        self.assertEqual(response["Content-Type"], "audio/mpeg")
        self.assertEqual(b"".join(response.streaming_content), DATA[1000:2000])
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")

    def test_the_last_bytes(self):
        response = self.client.get(self.document.url, HTTP_RANGE="bytes=-10")
        self.assertEqual(response.status_code, 206)
        self.assertEqual(response["Content-Range"], "bytes 10230-10239/10240")
        self.assertEqual(b"".join(response.streaming_content), DATA[-10:])

    def test_a_range_past_the_end_is_416(self):
        response = self.client.get(self.document.url, HTTP_RANGE="bytes=20000-")
        self.assertEqual(response.status_code, 416)
        self.assertEqual(response["Content-Range"], "bytes */10240")

    def test_several_ranges_or_a_stale_if_range_get_the_whole_file(self):
        response = self.client.get(self.document.url, HTTP_RANGE="bytes=0-1,4-5")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(b"".join(response.streaming_content), DATA)
        response = self.client.get(
            self.document.url, HTTP_RANGE="bytes=0-1", HTTP_IF_RANGE='"old"'
        )
        self.assertEqual(response.status_code, 200)

    def test_media_files_answer_ranges_too(self):
        url = self.document.file.url
        response = self.client.get(url, HTTP_RANGE="bytes=0-3")
        self.assertEqual(response.status_code, 206)
        self.assertEqual(b"".join(response.streaming_content), DATA[:4])
