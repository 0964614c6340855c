"""The show's RSS feed as podcast apps read it: itunes tags, enclosures (#20)."""

import feedparser
from defusedxml import ElementTree
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from nashra.articles.factories import create_article, create_author
from nashra.core.tests.factories import build_newspaper
from nashra.feeds.tests.helpers import body
from nashra.podcasts.factories import (
    create_audio,
    create_episode,
    create_podcast,
    wav_bytes,
)
from nashra.podcasts.models import Episode

FEED = "/podcasts/morning/feed.xml"
ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"


@override_settings(PAGE_CACHE=False)
class PodcastFeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=1)
        cls.show = create_podcast("نشرة الصباح", slug="morning", explicit=False)
        cls.ahmad = create_author("أحمد منصور", "ahmad")
        cls.first = create_episode(
            cls.show, cls.paper["world"], "الحلقة الأولى", seconds=2, number=1,
            summary="ملخص الحلقة الأولى", authors=[cls.paper["author"], cls.ahmad],
        )  # fmt: skip
        cls.second = create_episode(
            cls.show, cls.paper["world"], "الحلقة الثانية", seconds=3, number=2,
            summary="ملخص الحلقة الثانية",
        )  # fmt: skip
        cls.draft = create_episode(
            cls.show, cls.paper["world"], "حلقة-مسودة-سرية", seconds=1, publish=False
        )

    def fetch(self, url=FEED):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        parsed = feedparser.parse(body(response))
        self.assertFalse(parsed.bozo, parsed.get("bozo_exception"))
        return response, parsed

    def channel(self, response):
        return ElementTree.fromstring(body(response)).find("channel")

    def test_show_carries_the_itunes_tags_apple_asks_for(self):
        response, parsed = self.fetch()
        self.assertTrue(response["Content-Type"].startswith("application/rss+xml"))
        feed = parsed.feed
        self.assertEqual(feed.title, "نشرة الصباح")
        self.assertEqual(feed.language, "ar")
        self.assertEqual(feed.author, "نشرة")
        # feedparser 6 maps only the old yes/clean words; Apple's spec now
        # says true/false, so the raw tag is checked as well.
        self.assertFalse(feed.itunes_explicit)
        self.assertEqual(
            self.channel(response).findtext(f"{{{ITUNES}}}explicit"), "false"
        )
        self.assertEqual(feed.publisher_detail.email, "podcast@nashra.example")
        self.assertEqual(feed.publisher_detail.name, "فريق البودكاست")
        self.assertTrue(feed.image.href.startswith("http://"))
        self.assertIn("/cover", feed.image.href)
        terms = [tag.term for tag in feed.tags]
        self.assertEqual(terms, ["News", "Daily News"])
        self.assertEqual(feed.itunes_type, "episodic")
        self.assertEqual(feed.podcast_guid, str(self.show.guid))

    def test_explicit_show_says_so(self):
        self.show.explicit = True
        self.show.save()
        response, _parsed = self.fetch()
        self.assertEqual(
            self.channel(response).findtext(f"{{{ITUNES}}}explicit"), "true"
        )

    def test_each_episode_has_an_absolute_enclosure_length_and_type(self):
        _response, parsed = self.fetch()
        by_title = {entry.title: entry for entry in parsed.entries}
        self.assertEqual(set(by_title), {"الحلقة الأولى", "الحلقة الثانية"})
        first = by_title["الحلقة الأولى"]
        [enclosure] = first.enclosures
        self.assertTrue(enclosure.href.startswith("http://"))
        # The file itself, which answers byte ranges; not Wagtail's view.
        self.assertIn("/media/documents/episode-1", enclosure.href)
        self.assertEqual(enclosure.type, "audio/x-wav")
        size = self.first.article.audio_file.file.size
        self.assertEqual(int(enclosure.length), size)
        self.assertEqual(first.itunes_duration, "0:02")
        self.assertEqual(by_title["الحلقة الثانية"].itunes_duration, "0:03")
        self.assertEqual(first.itunes_episode, "1")
        self.assertEqual(first.summary, first.summary)
        self.assertIn("ملخص الحلقة الأولى", first.summary)
        self.assertEqual(first.author, "سلمى الحداد وأحمد منصور")
        self.assertTrue(first.published_parsed)

    def test_guid_is_stable_and_not_a_permalink(self):
        _response, parsed = self.fetch()
        first = next(e for e in parsed.entries if e.title == "الحلقة الأولى")
        self.assertEqual(first.id, str(self.first.guid))
        self.assertFalse(first.guidislink)
        story = self.first.article
        story.slug = "اسم-جديد"
        story.save_revision().publish()
        _response, parsed = self.fetch()
        again = next(e for e in parsed.entries if e.title == "الحلقة الأولى")
        self.assertEqual(again.id, first.id)

    def test_a_draft_episode_is_absent(self):
        response, parsed = self.fetch()
        self.assertNotIn("حلقة-مسودة-سرية".encode(), body(response))
        self.assertEqual(len(parsed.entries), 2)

    def test_newest_first(self):
        _response, parsed = self.fetch()
        self.assertEqual(
            [e.title for e in parsed.entries], ["الحلقة الثانية", "الحلقة الأولى"]
        )

    def test_no_query_per_episode(self):
        self.client.get(FEED)  # renditions of the cover made once
        with CaptureQueriesContext(connection) as two:
            self.fetch()
        for index in range(5):
            create_episode(
                self.show, self.paper["culture"], f"حلقة إضافية {index}",
                seconds=1, authors=[self.ahmad],
            )  # fmt: skip
        self.client.get(FEED)  # the publishes emptied the site and privacy caches
        with CaptureQueriesContext(connection) as seven:
            _response, parsed = self.fetch()
        self.assertEqual(len(parsed.entries), 7)
        self.assertEqual(
            len(seven), len(two), [q["sql"][:150] for q in seven.captured_queries]
        )

    def test_a_replaced_file_gives_its_own_length(self):
        story = self.second.article
        story.audio_file = create_audio("أطول", 5, filename="longer.wav")
        story.save_revision().publish()
        _response, parsed = self.fetch()
        entry = next(e for e in parsed.entries if e.title == "الحلقة الثانية")
        self.assertEqual(int(entry.enclosures[0].length), len(wav_bytes(5)))
        self.assertIn("/longer", entry.enclosures[0].href)
        self.assertEqual(entry.itunes_duration, "0:05")  # measured again

    def test_an_unknown_show_is_not_found(self):
        self.assertEqual(self.client.get("/podcasts/nothing/feed.xml").status_code, 404)

    def test_a_linked_file_uses_the_length_the_editor_gave(self):
        story = create_article(
            self.paper["culture"], "حلقة من رابط", format="audio",
            audio_url="https://cdn.example/ep.mp3",
        )  # fmt: skip
        Episode.objects.create(podcast=self.show, article=story, length=123456)
        _response, parsed = self.fetch()
        entry = next(e for e in parsed.entries if e.title == "حلقة من رابط")
        [enclosure] = entry.enclosures
        self.assertEqual(enclosure.href, "https://cdn.example/ep.mp3")
        self.assertEqual(enclosure.length, "123456")
        self.assertEqual(enclosure.type, "audio/mpeg")


class PodcastFeedCacheTests(TestCase):
    """Cached like the other feeds: a publish shows the new episode (#8, #13)."""

    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=1)
        cls.show = create_podcast("نشرة الصباح", slug="morning")
        create_episode(cls.show, cls.paper["world"], "الحلقة الأولى", seconds=1)

    def test_publishing_an_episode_busts_the_cached_feed(self):
        first = body(self.client.get(FEED))
        with CaptureQueriesContext(connection) as hit:
            self.assertEqual(body(self.client.get(FEED)), first)
        self.assertEqual(len(hit), 0)
        create_episode(self.show, self.paper["world"], "الحلقة الجديدة", seconds=1)
        self.assertIn("الحلقة الجديدة".encode(), body(self.client.get(FEED)))

    def test_editing_the_show_busts_it_too(self):
        body(self.client.get(FEED))
        self.show.title = "نشرة المساء"
        self.show.save()
        self.assertIn("نشرة المساء".encode(), body(self.client.get(FEED)))
