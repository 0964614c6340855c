"""The show's page: its episodes with players and a link to the feed (#20)."""

from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from nashra.articles.factories import create_author
from nashra.core.tests.factories import build_newspaper
from nashra.podcasts.factories import create_episode, create_podcast

PAGE = "/podcasts/morning/"


@override_settings(PAGE_CACHE=False)
class ShowPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=1)
        cls.show = create_podcast("نشرة الصباح", slug="morning")
        cls.ahmad = create_author("أحمد منصور", "ahmad")
        cls.episode = create_episode(
            cls.show, cls.paper["world"], "الحلقة الأولى", seconds=65, number=1,
            authors=[cls.paper["author"], cls.ahmad],
        )  # fmt: skip
        create_episode(
            cls.show, cls.paper["world"], "حلقة-مسودة-سرية", seconds=1, publish=False
        )

    def test_lists_published_episodes_with_players(self):
        response = self.client.get(PAGE)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "الحلقة الأولى")
        self.assertNotContains(response, "حلقة-مسودة-سرية")
        audio = self.episode.article.audio_file.file.url
        self.assertContains(
            response,
            f'<audio class="podcast-episode__player" controls preload="none" src="{audio}"',
        )
        self.assertContains(
            response, '<span class="podcast-episode__duration">1:05</span>'
        )

    def test_links_the_feed_for_podcast_apps(self):
        response = self.client.get(PAGE)
        self.assertContains(
            response,
            '<link rel="alternate" type="application/rss+xml" '
            'title="نشرة الصباح" href="/podcasts/morning/feed.xml">',
        )

    def test_canonical_opengraph_and_json_ld(self):
        page = self.client.get(PAGE).content.decode()
        self.assertIn(
            '<link rel="canonical" href="http://localhost/podcasts/morning/">', page
        )
        self.assertIn('<meta property="og:title" content="نشرة الصباح">', page)
        self.assertIn('<meta property="og:image:width" content="1400">', page)
        self.assertEqual(page.count('type="application/rss+xml"'), 2)  # head, header
        self.assertIn('"@type": "PodcastSeries"', page)
        self.assertIn('"webFeed": "http://localhost/podcasts/morning/feed.xml"', page)

    def test_every_author_is_in_the_byline(self):
        response = self.client.get(PAGE)
        self.assertContains(
            response,
            '<a rel="author" href="/author/salma/">سلمى الحداد</a> و'
            '<a rel="author" href="/author/ahmad/">أحمد منصور</a>',
            html=False,
        )

    def test_more_episodes_cost_no_more_queries(self):
        self.client.get(PAGE)
        with CaptureQueriesContext(connection) as one:
            self.client.get(PAGE)
        for index in range(3):
            create_episode(
                self.show, self.paper["culture"], f"حلقة {index}", seconds=1,
                authors=[self.ahmad],
            )  # fmt: skip
        self.client.get(PAGE)  # the publishes emptied the site's caches
        with CaptureQueriesContext(connection) as four:
            response = self.client.get(PAGE)
        self.assertEqual(response.content.decode().count("<audio "), 4)
        self.assertEqual(len(four), len(one))

    def test_a_linked_episode_host_is_allowed_to_play_and_nothing_else(self):
        from nashra.articles.factories import create_article
        from nashra.podcasts.models import Episode

        story = create_article(
            self.paper["world"], "حلقة من رابط", format="audio",
            audio_url="https://cdn.example/ep.mp3",
        )  # fmt: skip
        Episode.objects.create(podcast=self.show, article=story, length=10)
        policy = self.client.get(PAGE)["Content-Security-Policy"]
        media = next(p for p in policy.split("; ") if p.startswith("media-src"))
        self.assertEqual(media, "media-src 'self' https://cdn.example")
        self.assertNotIn("cdn.example", self.client.get("/")["Content-Security-Policy"])

    def test_unknown_show_is_not_found(self):
        self.assertEqual(self.client.get("/podcasts/nothing/").status_code, 404)


@override_settings(PAGE_CACHE=False)
class EpisodeStoryTests(TestCase):
    """The story of an episode links its show and feed; other stories pay nothing."""

    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=1)
        cls.show = create_podcast("نشرة الصباح", slug="morning")
        cls.episode = create_episode(
            cls.show, cls.paper["world"], "الحلقة الأولى", seconds=1, number=4
        )

    def test_the_story_names_its_show_and_feed(self):
        response = self.client.get(self.episode.article.url)
        self.assertContains(
            response,
            '<p class="episode-of">الحلقة 4 · بودكاست <a href="/podcasts/morning/">'
            'نشرة الصباح</a> · <a href="/podcasts/morning/feed.xml" '
            'type="application/rss+xml">خلاصة البودكاست (RSS)</a></p>',
        )

    def test_another_story_asks_nothing_about_podcasts(self):
        story = self.paper["articles"][0]
        self.client.get(story.url)
        with CaptureQueriesContext(connection) as found:
            response = self.client.get(story.url)
        self.assertNotContains(response, "episode-of")
        self.assertFalse([q for q in found if "podcasts_" in q["sql"]])
