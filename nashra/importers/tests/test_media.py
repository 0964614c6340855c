"""Attachments from the uploads folder: images with alt text and captions (#7)."""

from pathlib import Path

import pytest
from django.test import TestCase

from nashra.articles.models import ArticlePage
from nashra.images.factories import jpeg_bytes
from nashra.images.models import NewsImage
from nashra.importers.media import fetch, local_file, relative_path
from nashra.importers.wxr import Item

from .helpers import item, run_import, wxr


def attachment(wp_id, path, parent=0, alt="صورة السوق", caption="السوق صباحا"):
    return (
        f"<item><title>صورة {wp_id}</title><link>https://news.example/?attachment_id={wp_id}</link>"
        f"<excerpt:encoded><![CDATA[{caption}]]></excerpt:encoded>"
        f"<wp:post_id>{wp_id}</wp:post_id><wp:post_parent>{parent}</wp:post_parent>"
        "<wp:status>inherit</wp:status><wp:post_type>attachment</wp:post_type>"
        f"<wp:attachment_url>https://news.example/wp-content/uploads/{path}</wp:attachment_url>"
        "<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key>"
        f"<wp:meta_value>{path}</wp:meta_value></wp:postmeta>"
        "<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key>"
        f"<wp:meta_value>{alt}</wp:meta_value></wp:postmeta></item>\n"
    )


def with_thumbnail(post: str, attachment_id: int) -> str:
    meta = (
        "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
        f"<wp:meta_value>{attachment_id}</wp:meta_value></wp:postmeta>"
    )
    return post.replace("</item>", meta + "</item>")


class UploadsFolder(TestCase):
    def setUp(self):
        import tempfile

        self.uploads = Path(tempfile.mkdtemp())
        (self.uploads / "2024" / "03").mkdir(parents=True)
        (self.uploads / "2024" / "03" / "souq.jpg").write_bytes(jpeg_bytes())

    def test_images_come_with_alt_text_caption_and_feature_the_post(self):
        content = (
            '<figure class="wp-block-image"><img src="https://news.example/wp-content/'
            'uploads/2024/03/souq-300x200.jpg" class="wp-image-50" alt=""/></figure>'
        )
        post = with_thumbnail(item(1, content=content), 50)
        # The post comes first in the file; its image is still found.
        report = run_import(
            wxr(post + attachment(50, "2024/03/souq.jpg", parent=1)),
            uploads=self.uploads,
        )
        self.assertEqual(report.counts["attachments"]["created"], 1)
        image = NewsImage.objects.get()
        self.assertEqual(image.alt_text, "صورة السوق")
        self.assertEqual(image.caption, "السوق صباحا")
        page = ArticlePage.objects.get()
        self.assertEqual(page.featured_image, image)
        self.assertEqual(page.body[0].block_type, "image")
        self.assertEqual(page.body[0].value["image"], image)

    def test_missing_file_is_reported_not_fatal(self):
        report = run_import(
            wxr(attachment(51, "2024/03/gone.jpg") + item(2)), uploads=self.uploads
        )
        self.assertEqual(report.counts["attachments"]["skipped"], 1)
        self.assertEqual(report.counts["posts"]["created"], 1)
        self.assertTrue(any("gone.jpg" in p["reason"] for p in report.problems))

    def test_a_path_climbing_out_of_uploads_is_refused(self):
        """An export must not make the importer read /etc/passwd into the media."""
        self.assertIsNone(local_file(self.uploads, "../../../../etc/passwd"))
        self.assertIsNotNone(local_file(self.uploads, "2024/03/souq.jpg"))


def test_relative_path_falls_back_to_the_url():
    record = Item(
        wp_id=1, post_type="attachment", title="", link="", guid="", status="inherit",
        post_date_gmt=None, post_date=None, slug="", parent_id=0, menu_order=0,
        author="", excerpt="", content="", is_sticky=False, password="", categories=(),
        postmeta={}, comments=(),
        attachment_url="https://news.example/wp-content/uploads/2024/03/%D8%B3.jpg",
    )  # fmt: skip
    assert relative_path(record) == "2024/03/س.jpg"


@pytest.mark.parametrize(
    "url", ["https://evil.example/a.jpg", "file:///etc/passwd", "ftp://news.example/a"]
)
def test_fetch_only_from_the_exports_own_host(url):
    """--fetch-media must not become a way to make the server fetch anything."""
    with pytest.raises(OSError):
        fetch(url, "news.example")
