"""The demo newspaper has a podcast whose feed podcast apps accept (#20)."""

from unittest import mock

import feedparser
from django.core.management import call_command
from django.test import TestCase

from nashra.demo import content
from nashra.images.factories import jpeg_bytes
from nashra.podcasts.models import Episode, Podcast


class DemoPodcastTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        with mock.patch(
            "nashra.demo.management.commands.demo.render_image",
            side_effect=lambda key, w, h: (
                jpeg_bytes(w, h) if w == h else jpeg_bytes(32, 18)
            ),
        ):
            call_command("demo", stdout=mock.Mock())

    def test_a_show_with_its_episodes_and_their_sound(self):
        show = Podcast.objects.get()
        self.assertEqual((show.cover.width, show.cover.height), (1400, 1400))
        show.full_clean()  # the demo show passes the admin's own checks
        spec = content.PODCASTS[0]
        episodes = Episode.objects.filter(podcast=show)
        self.assertEqual(episodes.count(), len(spec["episodes"]))
        seconds = {e["number"]: e["seconds"] for e in spec["episodes"]}
        for episode in episodes:
            self.assertEqual(episode.duration, seconds[episode.number])
            self.assertEqual(episode.mime_type, "audio/x-wav")
            self.assertGreater(episode.length, 0)

    def test_the_feed_lists_every_episode_with_its_bylines(self):
        show = Podcast.objects.get()
        response = self.client.get(show.feed_path())
        parsed = feedparser.parse(response.content)
        self.assertFalse(parsed.bozo)
        self.assertEqual(len(parsed.entries), 3)
        newest = parsed.entries[0]
        self.assertEqual(newest.author, "نادين شهاب وسامر القاضي ود. هالة منصور")
        self.assertEqual(newest.itunes_duration, "0:16")

    def test_the_show_page_plays_the_episodes(self):
        page = self.client.get(Podcast.objects.get().get_absolute_url())
        self.assertEqual(page.content.decode().count("<audio "), 3)
