"""An export's Jannah data survives the `--site` syncs that follow it (#21).

The REST API shows no theme meta, so the first sync after an export reads
every post again without it: the story formats, media, galleries, blocks,
hidden parts, views and sections the export brought must stay.
"""

import re

from django.test import TestCase

from nashra.articles.models import ArticlePage, StoryFormat

from . import jannah_export
from .helpers import run_import

THEME_META = re.compile(
    r"<wp:postmeta><wp:meta_key>(?:<!\[CDATA\[)?(?:tie_|taq_|_yoast)"
    r".*?</wp:postmeta>",
    re.S,
)


def as_rest_shows_it(export: bytes) -> bytes:
    return THEME_META.sub("", export.decode()).encode()


def article(title):
    return ArticlePage.objects.get(title=title)


def kinds(page):
    return [block.block_type for block in page.body]


class ExportThenSync(TestCase):
    @classmethod
    def setUpTestData(cls):
        uploads = jannah_export.uploads_folder()
        export = jannah_export.export()
        run_import(export, uploads=uploads)
        cls.before = {
            page.title: (page.format, page.video_url, page.video_file_id,
                         page.audio_url, page.hidden_parts, page.imported_views,
                         page.show_ads, page.section_id, kinds(page),
                         page.gallery_photos.count())
            for page in ArticlePage.objects.all()
        }  # fmt: skip
        stripped = as_rest_shows_it(export)
        assert b"tie_post_head" not in stripped
        cls.report = run_import(stripped, uploads=uploads, meta_from_site=True)

    def test_the_posts_were_read_again(self):
        self.assertGreater(self.report.counts["posts"]["updated"], 5)

    def test_formats_media_galleries_switches_and_sections_stay(self):
        after = {
            page.title: (page.format, page.video_url, page.video_file_id,
                         page.audio_url, page.hidden_parts, page.imported_views,
                         page.show_ads, page.section_id, kinds(page),
                         page.gallery_photos.count())
            for page in ArticlePage.objects.all()
        }  # fmt: skip
        self.assertEqual(after, self.before)
        self.assertEqual(article("صور المباراة").format, StoryFormat.GALLERY)
        self.assertEqual(article("نشرة صوتية").body[0].block_type, "highlights")
        self.assertEqual(article("نشرة صوتية").body[-1].block_type, "sources")

    def test_an_export_read_again_still_applies_its_meta(self):
        # Without REST, meta that is gone is gone: the file is the truth.
        uploads = jannah_export.uploads_folder()
        run_import(as_rest_shows_it(jannah_export.export()), uploads=uploads)
        self.assertEqual(article("صور المباراة").format, StoryFormat.STANDARD)
