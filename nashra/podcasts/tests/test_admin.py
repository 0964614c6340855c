"""The newsroom adds shows and episodes in the Arabic admin (#20)."""

from django.contrib.auth import get_user_model
from django.test import TestCase

from nashra.articles.factories import create_article
from nashra.core.tests.factories import build_newspaper
from nashra.images.factories import create_image, jpeg_bytes
from nashra.podcasts.factories import create_audio, create_podcast, wav_bytes
from nashra.podcasts.models import Episode, Podcast

SHOWS = "/admin/snippets/podcasts/podcast/"
EPISODES = "/admin/snippets/podcasts/episode/"


class PodcastAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=1)
        cls.editor = get_user_model().objects.create_superuser(
            "editor", "e@example.org", "pw"
        )

    def setUp(self):
        self.client.force_login(self.editor)

    def show_form(self, **values):
        return {
            "title": "نشرة الصباح", "slug": "", "description": "موجز الصباح",
            "cover": "", "author": "نشرة", "owner_name": "فريق البودكاست",
            "owner_email": "podcast@nashra.example", "category": "News/Daily News",
            "show_type": "episodic", "language": "ar", "section": "", **values,
        }  # fmt: skip

    def test_a_show_without_a_cover_is_refused_with_a_clear_message(self):
        response = self.client.post(f"{SHOWS}add/", self.show_form())
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "يحتاج البودكاست إلى صورة غلاف")
        self.assertContains(response, "1400×1400")
        self.assertFalse(Podcast.objects.exists())

    def test_a_small_or_oblong_cover_is_refused(self):
        small = create_image("غلاف صغير", data=jpeg_bytes(600, 600))
        response = self.client.post(f"{SHOWS}add/", self.show_form(cover=small.pk))
        self.assertContains(response, "600×600")
        self.assertContains(response, "مربعة")
        oblong = create_image("غلاف عريض", data=jpeg_bytes(2000, 1400))
        response = self.client.post(f"{SHOWS}add/", self.show_form(cover=oblong.pk))
        self.assertContains(response, "2000×1400")
        self.assertFalse(Podcast.objects.exists())

    def test_a_square_cover_makes_the_show(self):
        cover = create_image("غلاف", data=jpeg_bytes(1400, 1400))
        response = self.client.post(f"{SHOWS}add/", self.show_form(cover=cover.pk))
        self.assertEqual(response.status_code, 302)
        show = Podcast.objects.get()
        self.assertEqual(show.slug, "نشرة-الصباح")
        self.assertIsNotNone(show.guid)

    def test_an_episode_must_be_an_audio_story(self):
        show = create_podcast()
        story = create_article(self.paper["world"], "خبر مكتوب")
        response = self.client.post(
            f"{EPISODES}add/",
            {"podcast": show.pk, "article": story.pk, "episode_type": "full"},
        )
        self.assertContains(response, "قصة صوتية")
        self.assertFalse(Episode.objects.exists())

    def test_the_file_gives_the_episode_its_duration_size_and_type(self):
        show = create_podcast()
        audio = create_audio("حلقة", 4)
        story = create_article(
            self.paper["world"], "حلقة صوتية", format="audio", audio_file=audio
        )
        response = self.client.post(
            f"{EPISODES}add/",
            {"podcast": show.pk, "article": story.pk, "episode_type": "full",
             "number": "3"},
        )  # fmt: skip
        self.assertEqual(response.status_code, 302)
        episode = Episode.objects.get()
        self.assertEqual(episode.duration, 4)
        self.assertEqual(episode.length, len(wav_bytes(4)))
        self.assertEqual(episode.mime_type, "audio/x-wav")

    def test_a_linked_file_needs_its_size(self):
        show = create_podcast()
        story = create_article(
            self.paper["world"], "حلقة من رابط", format="audio",
            audio_url="https://cdn.example/ep.mp3",
        )  # fmt: skip
        response = self.client.post(
            f"{EPISODES}add/",
            {"podcast": show.pk, "article": story.pk, "episode_type": "full",
             "duration": "600"},
        )  # fmt: skip
        self.assertContains(response, "بالبايت")
        self.assertFalse(Episode.objects.exists())
