from email.utils import parsedate_to_datetime

import feedparser
from django.test import TestCase, override_settings
from wagtail.models import Site

from nashra.articles.factories import paragraph
from nashra.feeds.models import FeedOptions
from nashra.feeds.tests.helpers import (
    DRAFT_TITLE,
    SCHEDULED_TITLE,
    body,
    newspaper_with_secrets,
)

FEEDS = ("rss", "atom")


# Query counts and option changes are about this code, not the page cache (#8).
@override_settings(PAGE_CACHE=False)
class FeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = newspaper_with_secrets()
        cls.urls = {
            "site": "/feeds/{kind}/",
            "section": f"/feeds/section/{cls.paper['world'].pk}/{{kind}}/",
            "tag": "/feeds/tag/روسيا/{kind}/",
            "author": "/feeds/author/salma/{kind}/",
        }

    def fetch(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        raw = body(response)
        parsed = feedparser.parse(raw)
        self.assertFalse(parsed.bozo, f"{url}: {parsed.get('bozo_exception')}")
        return response, raw, parsed

    def test_every_feed_parses_in_a_real_client(self):
        """Aggregators drop a feed with one XML error; feedparser flags it as bozo."""
        for name, pattern in self.urls.items():
            for kind in FEEDS:
                with self.subTest(name=name, kind=kind):
                    _response, _raw, parsed = self.fetch(pattern.format(kind=kind))
                    self.assertTrue(parsed.entries)
                    self.assertEqual(parsed.feed.language, "ar")

    def test_site_feed_carries_every_published_article_newest_first(self):
        _r, _raw, parsed = self.fetch("/feeds/rss/")
        titles = [entry.title for entry in parsed.entries]
        expected = sorted(
            self.paper["articles"], key=lambda a: (a.published_at, a.pk), reverse=True
        )
        self.assertEqual(titles, [a.title for a in expected])

    def test_section_feed_lists_only_its_section(self):
        _r, _raw, parsed = self.fetch(self.urls["section"].format(kind="atom"))
        self.assertTrue(all("world" in entry.title for entry in parsed.entries))
        self.assertEqual(len(parsed.entries), 3)

    def test_arabic_is_intact_in_titles_authors_and_categories(self):
        """A wrong encoding turns Arabic into mojibake in every reader at once."""
        for kind in FEEDS:
            _r, _raw, parsed = self.fetch(self.urls["tag"].format(kind=kind))
            entry = parsed.entries[0]
            self.assertIn("خبر", entry.title)
            self.assertEqual(entry.author, "سلمى الحداد")
            terms = {tag.term for tag in entry.tags}
            self.assertTrue({"روسيا", "Kim Jong Un"} <= terms)
            self.assertIn("ملخص الخبر", entry.summary)
            self.assertIn('dir="rtl"', entry.summary)

    def test_dates_are_rfc822_in_rss_and_rfc3339_in_atom(self):
        article = self.paper["articles"][0]
        _r, raw, _parsed = self.fetch("/feeds/rss/")
        text = raw.decode()
        pub = text.split("<pubDate>")[1].split("</pubDate>")[0]
        self.assertEqual(
            parsedate_to_datetime(pub).timestamp() // 1,
            article.published_at.timestamp() // 1,
        )
        _r, raw, _parsed = self.fetch("/feeds/atom/")
        published = raw.decode().split("<published>")[1].split("</published>")[0]
        self.assertRegex(
            published, r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?[+-]\d\d:\d\d$"
        )

    def test_guid_is_the_short_link_and_links_are_encoded_once(self):
        """A guid that changes with the slug makes readers show the story twice."""
        for kind in FEEDS:
            _r, _raw, parsed = self.fetch(f"/feeds/{kind}/")
            for entry in parsed.entries:
                self.assertRegex(entry.id, r"^http://localhost/a/\d+/$")
                self.assertTrue(entry.link.isascii())
                self.assertNotIn("%25", entry.link)
            self.assertIn(
                "/%D8%AB%D9%82%D8%A7%D9%81%D8%A9/",
                " ".join(e.link for e in parsed.entries),
            )

    def test_featured_image_is_an_enclosure_and_media_content_with_size(self):
        for kind in FEEDS:
            _r, raw, parsed = self.fetch(f"/feeds/{kind}/")
            entry = parsed.entries[0]
            enclosure = entry.enclosures[0]
            self.assertEqual(enclosure.type, "image/jpeg")
            self.assertGreater(int(enclosure.length), 0)
            media = entry.media_content[0]
            self.assertEqual((media["width"], media["height"]), ("64", "36"))
            self.assertTrue(media["url"].startswith("http://localhost/media/"))

    def test_summary_by_default_full_text_by_option(self):
        for kind in FEEDS:
            _r, raw, _parsed = self.fetch(f"/feeds/{kind}/")
            self.assertNotIn(b"content:encoded", raw)
            self.assertNotIn("فقرة أولى", raw.decode())
        options = FeedOptions.for_site(Site.objects.get(is_default_site=True))
        options.full_text = True
        options.save()
        for kind in FEEDS:
            _r, _raw, parsed = self.fetch(f"/feeds/{kind}/")
            content = parsed.entries[0].content[0].value
            self.assertIn("فقرة أولى", content)
            self.assertIn("عنوان فرعي", content)

    def test_item_count_follows_the_option(self):
        options = FeedOptions.for_site(Site.objects.get(is_default_site=True))
        options.items = 2
        options.save()
        _r, _raw, parsed = self.fetch("/feeds/atom/")
        self.assertEqual(len(parsed.entries), 2)

    def test_drafts_and_scheduled_articles_never_reach_a_feed(self):
        """A draft in a feed is published to every aggregator, irrevocably."""
        for name, pattern in self.urls.items():
            for kind in FEEDS:
                raw = body(self.client.get(pattern.format(kind=kind))).decode()
                self.assertNotIn(DRAFT_TITLE, raw, name)
                self.assertNotIn(SCHEDULED_TITLE, raw, name)

    def test_unknown_subjects_are_404(self):
        for url in (
            "/feeds/tag/لا-يوجد/rss/",
            "/feeds/author/nobody/atom/",
            "/feeds/section/999999/rss/",
            # NUL cannot reach PostgreSQL (it would be a 500).
            "/feeds/tag/a%00b/rss/",
            "/feeds/author/%00/atom/",
            f"/feeds/section/{self.paper['articles'][0].pk}/rss/",
        ):
            self.assertEqual(self.client.get(url).status_code, 404, url)

    @override_settings(LANGUAGE_CODE="ar")
    def test_a_feed_in_constant_queries(self):
        """Each extra item must not cost a query: feeds are fetched every few minutes."""
        self.client.get("/feeds/rss/")  # renditions are made once, on first view
        with self.assertNumQueries(5):
            self.client.get("/feeds/rss/")
        from nashra.articles.factories import create_article

        for index in range(4):
            create_article(
                self.paper["world"],
                f"إضافي {index}",
                authors=[self.paper["author"]],
                tags=["إضافي"],
                featured_image=self.paper["image"],
                body=[paragraph("نص")],
            )
        self.client.get("/feeds/rss/")
        with self.assertNumQueries(5):
            self.client.get("/feeds/rss/")
