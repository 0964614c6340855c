"""The demo newspaper shows every story format (#20)."""

from django.test import TestCase

from nashra.articles.models import ArticlePage, StoryFormat
from nashra.core.tests.factories import ensure_home
from nashra.demo import content
from nashra.demo.loader import load_demo
from nashra.images.factories import jpeg_bytes


class DemoFormats(TestCase):
    @classmethod
    def setUpTestData(cls):
        ensure_home()
        load_demo(content, lambda key, width, height: jpeg_bytes(32, 18))

    def test_every_format_has_a_story_that_serves(self):
        for kind in StoryFormat.values:
            with self.subTest(kind):
                article = ArticlePage.objects.filter(format=kind).first()
                self.assertIsNotNone(article, kind)
                response = self.client.get(article.url)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, f"article--{kind}")

    def test_the_media_are_there(self):
        video = ArticlePage.objects.filter(format=StoryFormat.VIDEO).first()
        self.assertContains(self.client.get(video.url), "data-player")
        audio = ArticlePage.objects.filter(format=StoryFormat.AUDIO).first()
        self.assertTrue(audio.audio_file.file.read(4) == b"RIFF")
        self.assertContains(self.client.get(audio.url), "<audio")
        gallery = ArticlePage.objects.filter(format=StoryFormat.GALLERY).first()
        self.assertEqual(gallery.gallery_photos.count(), 5)
        opinion = ArticlePage.objects.filter(format=StoryFormat.OPINION).first()
        self.assertIsNotNone(opinion.byline_authors[0].photo)
        self.assertContains(self.client.get(opinion.url), "opinion-head__photo")
