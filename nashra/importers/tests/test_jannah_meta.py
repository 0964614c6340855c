"""Jannah's per-post meta imported into the articles, counted in the report (#21).

The export is jannah_export.py's, built from the documented keys: one test
per family of keys, then the report, the faults and a second run.
"""

import json
from io import StringIO

from django.test import TestCase
from wagtail.documents import get_document_model

from nashra.articles.models import ArticlePage, GalleryPhoto, StoryFormat
from nashra.images.models import NewsImage
from nashra.sections.models import SectionPage

from . import jannah_export
from .helpers import run_import


def _article(title):
    return ArticlePage.objects.get(title=title)


class JannahExport(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.uploads = jannah_export.uploads_folder()
        cls.report = run_import(jannah_export.export(), uploads=cls.uploads)
        cls.rows = {row["key"]: row for row in cls.report.meta.rows()}

    def blocks(self, title):
        return [(b.block_type, b.value) for b in _article(title).body]

    def test_post_head_picks_the_story_format(self):
        formats = dict(ArticlePage.objects.values_list("title", "format"))
        self.assertEqual(formats["هدف الموسم"], StoryFormat.VIDEO)
        self.assertEqual(formats["صور المباراة"], StoryFormat.GALLERY)
        self.assertEqual(formats["نشرة صوتية"], StoryFormat.AUDIO)
        self.assertEqual(formats["مراجعة هاتف"], StoryFormat.STANDARD)

    def test_video_url_and_self_hosted_video(self):
        self.assertEqual(
            _article("هدف الموسم").video_url, "https://www.youtube.com/watch?v=abc123"
        )
        video = _article("فيديو محلي").video_file
        self.assertIsInstance(video, get_document_model())
        self.assertTrue(video.file.name.endswith(".mp4"))

    def test_self_hosted_video_outside_the_export_plays_from_its_address(self):
        page = _article("فيديو على خادم آخر")
        self.assertEqual(page.format, StoryFormat.VIDEO)
        self.assertEqual(page.video_url, "https://cdn.news.example/clips/goal.mp4")
        self.assertIsNone(page.video_file)
        reasons = [p["reason"] for p in self.report.problems if p["item"] == "10"]
        self.assertIn(
            "self-hosted video kept at its address: "
            "https://cdn.news.example/clips/goal.mp4",
            reasons,
        )

    def test_self_hosted_video_with_no_web_address_is_a_standard_story(self):
        page = _article("فيديو بعنوان غريب")
        self.assertEqual(page.format, StoryFormat.STANDARD)
        self.assertEqual(page.video_url, "")

    def test_embed_code_from_an_allowed_host_becomes_an_embed_link(self):
        kind, value = self.blocks("فيديو مضمن")[0]
        self.assertEqual(kind, "embed")
        self.assertEqual(value["url"], "https://www.youtube-nocookie.com/embed/xyz")

    def test_embed_code_from_another_host_is_reported_not_kept(self):
        page = _article("رائج")
        self.assertEqual(page.format, StoryFormat.STANDARD)
        self.assertNotIn("embed", [b.block_type for b in page.body])
        reasons = [p["reason"] for p in self.report.problems if p["item"] == "8"]
        self.assertIn("tie_embed_code: not imported (no iframe from an allowed host)",
                      reasons)  # fmt: skip

    def test_audio_link(self):
        self.assertEqual(
            _article("نشرة صوتية").audio_url, "https://cdn.example.net/podcast/ep1.mp3"
        )

    def test_gallery_keys_from_one_in_order(self):
        photos = GalleryPhoto.objects.filter(page=_article("صور المباراة"))
        names = [p.image.title for p in photos.order_by("sort_order")]
        self.assertEqual(names, ["ملف 101", "ملف 102"])

    def test_slider_after_the_story_keys_from_zero_with_captions(self):
        photos = _article("ألبوم").gallery_photos.order_by("sort_order")
        self.assertEqual(
            [(p.image.title, p.caption) for p in photos],
            [("ملف 103", "قمة الجبل"), ("ملف 101", "السوق")],
        )

    def test_primary_category_then_yoast_then_first_category(self):
        economy = SectionPage.objects.get(slug="economy")
        sport = SectionPage.objects.get(slug="sport")
        self.assertEqual(_article("هدف الموسم").section_id, economy.pk)  # tie_
        self.assertEqual(_article("صور المباراة").section_id, economy.pk)  # Yoast
        self.assertEqual(_article("ألبوم").section_id, sport.pk)

    def test_views_seed_most_read_except_demo_posts(self):
        views = dict(ArticlePage.objects.values_list("title", "imported_views"))
        self.assertEqual(views["هدف الموسم"], 1532)
        self.assertEqual(views["صور المباراة"], 87)
        self.assertEqual(views["خبر تجريبي"], 0)

    def test_subtitle_fills_an_empty_summary(self):
        self.assertEqual(_article("صور المباراة").summary, "صور من الملعب")

    def test_highlights_block_first_sources_block_last(self):
        blocks = self.blocks("نشرة صوتية")
        kind, value = blocks[0]
        self.assertEqual(kind, "highlights")
        self.assertEqual(value["title"], "أبرز النقاط")
        self.assertEqual(list(value["points"]), jannah_export.HIGHLIGHTS)
        kind, value = blocks[-1]
        self.assertEqual(kind, "sources")
        self.assertEqual(value["sources"][0]["text"], "رويترز")
        self.assertEqual(value["sources"][0]["url"], "https://reuters.example/a")
        # A javascript: address is dropped, its name kept.
        self.assertEqual(value["via"][0]["text"], "وكالة الأنباء")
        self.assertEqual(value["via"][0]["url"], "")

    def test_review_box(self):
        kind, value = self.blocks("مراجعة هاتف")[-1]
        self.assertEqual(kind, "review")
        self.assertEqual(value["title"], "تقييم الهاتف")
        self.assertEqual(value["style"], "points")
        self.assertEqual(
            [(c["name"], c["score"]) for c in value["criteria"]],
            [("الأداء", 90), ("السعر", 70)],
        )
        self.assertEqual(value["score"], 80)
        self.assertEqual(value["verdict"], "ممتاز")
        self.assertEqual(value["summary"], "هاتف جيد & سعره معقول")
        self.assertEqual(value["readers_rating"], 4.5)
        self.assertEqual(value["readers_count"], 4)

    def test_ads_switch_trending_and_hidden_parts(self):
        page = _article("هدف الموسم")
        self.assertFalse(page.show_ads)
        # tie_hide_tags "no" forces the tags on: they show here anyway.
        self.assertEqual(page.hidden_parts, ["author_box", "share", "related"])
        self.assertTrue(_article("رائج").featured)
        self.assertFalse(_article("ألبوم").featured)
        self.assertTrue(_article("ألبوم").show_ads)

    def test_every_key_counted(self):
        row = self.rows["tie_post_head"]
        self.assertEqual((row["outcome"], row["count"]), ("mapped", 9))
        self.assertEqual(row["into"], "story format")
        self.assertEqual(self.rows["tie_views"]["count"], 4)
        self.assertEqual(self.rows["_wp_attached_file"]["outcome"], "imported")
        self.assertEqual(self.rows["_wp_attached_file"]["count"], 5)
        self.assertEqual(self.rows["custom_slider"]["outcome"], "mapped")
        for key, reason in [
            ("my_plugin_key", "unknown"),
            ("tie_get_banner_above", "raw ad code is never run"),
            ("tie_hide_above", "the ads app has no per-article slot switches"),
            ("_edit_last", "WordPress bookkeeping"),
        ]:
            self.assertEqual(self.rows[key]["outcome"], "ignored")
            self.assertEqual(self.rows[key]["reason"], reason)
        totals = self.report.meta.totals()
        self.assertEqual(sum(totals.values()), sum(self.report.meta.seen.values()))

    def test_zero_width_space_key_matched_after_stripping(self):
        self.assertIn("tie_secondary_menu", self.rows)
        self.assertEqual(self.rows["tie_secondary_menu"]["reason"],
                         "menus come from the theme options")  # fmt: skip
        self.assertFalse(any("\u200b" in key for key in self.rows))

    def test_report_json_and_table(self):
        out = StringIO()
        self.report.write_json(out)
        data = json.loads(out.getvalue())
        keys = {row["key"]: row for row in data["post_meta"]["keys"]}
        self.assertEqual(keys["tie_video_url"]["count"], 1)
        self.assertEqual(data["post_meta"]["totals"], self.report.meta.totals())
        self.assertIn("my_plugin_key: 1 ignored (unknown)", self.report.table())

    def test_malformed_serialized_value_reported_not_a_crash(self):
        problems = [p for p in self.report.problems if p["item"] == "5"]
        self.assertEqual(problems[0]["kind"], "meta")
        self.assertTrue(problems[0]["reason"].startswith(
            "tie_highlights_text: unreadable value"))  # fmt: skip
        self.assertEqual(self.report.counts["posts"]["failed"], 0)
        self.assertEqual(self.report.counts["posts"]["created"], 11)

    def test_second_run_changes_nothing(self):
        photos = list(GalleryPhoto.objects.values_list("pk", "image_id", "sort_order"))
        again = run_import(jannah_export.export(), uploads=self.uploads)
        self.assertEqual(again.counts["posts"]["unchanged"], 11)
        self.assertEqual(again.counts["posts"]["created"], 0)
        self.assertEqual(
            list(GalleryPhoto.objects.values_list("pk", "image_id", "sort_order")),
            photos,
        )
        # The keys are counted again: the report is of the file.
        self.assertEqual(again.meta.rows(), self.report.meta.rows())
        self.assertEqual(NewsImage.objects.count(), 3)

    def test_changed_meta_updates_in_place(self):
        """One by one (the update path): no second set of photos or parts."""
        changed = (
            jannah_export.export()
            .replace(b"<![CDATA[1532]]>", b"<![CDATA[1600]]>")
            .replace("صور من الملعب".encode(), "صور الملعب".encode())
        )
        again = run_import(changed, uploads=self.uploads)
        self.assertEqual(again.counts["posts"]["updated"], 2)
        page = _article("هدف الموسم")
        self.assertEqual(page.imported_views, 1600)
        self.assertEqual(page.hidden_parts, ["author_box", "share", "related"])
        gallery = _article("صور المباراة")
        self.assertEqual(gallery.summary, "صور الملعب")
        self.assertEqual(gallery.gallery_photos.count(), 2)
        self.assertEqual(GalleryPhoto.objects.count(), 4)
