"""Newsroom photos: alt text fallbacks, renditions per named size, and cleanup (#2, #13)."""

from django.test import TestCase, override_settings
from PIL import Image as PILImage

from nashra.images import renditions
from nashra.images.factories import create_image, jpeg_bytes
from nashra.images.models import NewsImage, NewsRendition


class AltText(TestCase):
    def test_alt_text_wins_then_caption_then_title(self):
        """A photo always says something to a reader who cannot see it."""
        image = create_image("عنوان", caption="تعليق", alt_text="وصف")
        self.assertEqual(image.default_alt_text, "وصف")
        image.alt_text = ""
        self.assertEqual(image.default_alt_text, "تعليق")
        image.caption = ""
        self.assertEqual(image.default_alt_text, "عنوان")

    def test_the_admin_form_edits_the_newsroom_fields(self):
        for name in ("caption", "credit", "alt_text"):
            self.assertIn(name, NewsImage.admin_form_fields)

    def test_an_edit_purges_the_whole_site(self):
        """Photos appear on cards, articles and the front page alike (#13)."""
        self.assertIs(NewsImage.cache_site_wide, True)

    def test_names_are_arabic(self):
        self.assertEqual(str(NewsImage._meta.verbose_name_plural), "الصور")


class Renditions(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.image = create_image("صورة كبيرة", data=jpeg_bytes(1600, 900))

    def test_every_named_size_renders_with_its_dimensions(self):
        expected = {
            "fill-320x180": (320, 180),
            "fill-640x360": (640, 360),
            "fill-960x540": (960, 540),
            "fill-1280x720": (1280, 720),
            "width-640": (640, 360),
            "width-960": (960, 540),
            "width-1280": (1280, 720),
        }
        specs = {*renditions.CARD, *renditions.LEAD, *renditions.ARTICLE}
        # Each size may come in several formats (spec|format-webp …).
        self.assertEqual({spec.split("|")[0] for spec in specs}, set(expected))
        for spec in specs:
            rendition = self.image.get_rendition(spec)
            size = expected[spec.split("|")[0]]
            self.assertEqual((rendition.width, rendition.height), size, spec)

    def test_a_rendition_is_made_once_and_reused(self):
        first = self.image.get_rendition("fill-320x180")
        second = self.image.get_rendition("fill-320x180")
        self.assertEqual(first.pk, second.pk)
        self.assertEqual(NewsRendition.objects.filter(image=self.image).count(), 1)

    def test_a_small_photo_is_never_upscaled_by_width(self):
        small = create_image("صغيرة", data=jpeg_bytes(300, 200))
        rendition = small.get_rendition("width-1280")
        self.assertEqual((rendition.width, rendition.height), (300, 200))

    def test_renditions_go_with_their_image(self):
        image = create_image("مؤقتة", data=jpeg_bytes(800, 450))
        image.get_rendition("fill-320x180")
        image.delete()
        self.assertFalse(NewsRendition.objects.filter(image_id=image.pk).exists())

    def test_the_rendition_file_is_a_real_image(self):
        rendition = self.image.get_rendition("fill-640x360")
        with rendition.file.open("rb") as handle, PILImage.open(handle) as picture:
            self.assertEqual(picture.size, (640, 360))

    @override_settings(WAGTAILIMAGES_FORMAT_CONVERSIONS={"jpeg": "webp"})
    def test_format_conversion_follows_the_setting(self):
        rendition = self.image.get_rendition("width-640")
        self.assertTrue(rendition.file.name.endswith(".webp"))


class Files(TestCase):
    def test_an_arabic_file_name_is_stored(self):
        image = create_image("سوق", filename="سوق-الخضار.jpg")
        self.assertTrue(image.file.name.endswith(".jpg"))
        self.assertEqual((image.width, image.height), (64, 36))

    def test_the_file_hash_finds_duplicates(self):
        first = create_image("أولى", data=jpeg_bytes(colour=(1, 2, 3)))
        second = create_image("ثانية", data=jpeg_bytes(colour=(1, 2, 3)))
        first.get_file_hash()
        second.get_file_hash()
        self.assertEqual(first.file_hash, second.file_hash)
