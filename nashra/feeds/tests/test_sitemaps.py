from datetime import timedelta
from unittest import mock

from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Site

from nashra.articles.factories import create_article
from nashra.feeds import sitemaps
from nashra.feeds.models import FeedOptions
from nashra.feeds.tests import rules
from nashra.feeds.tests.helpers import (
    DRAFT_TAG,
    DRAFT_TITLE,
    SCHEDULED_TITLE,
    body,
    newspaper_with_secrets,
)


def _path(url):
    return url.removeprefix("http://localhost")


# Query counts and option changes are about this code, not the page cache (#8).
@override_settings(PAGE_CACHE=False)
class SitemapTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = newspaper_with_secrets()
        cls.old = create_article(
            cls.paper["world"],
            "خبر قديم",
            slug="old-story",
            published_at=timezone.now() - timedelta(days=3),
        )

    def get(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        self.assertTrue(response["Content-Type"].startswith("application/xml"))
        return body(response)

    def all_entries(self):
        entries = []
        for location in rules.check_index(self.get("/sitemap.xml")):
            entries += rules.check_urlset(self.get(_path(location)))
        return entries

    def test_index_and_every_file_follow_the_protocol(self):
        """Search engines drop a whole sitemap file for one invalid entry."""
        locations = [loc for loc, _images, news in self.all_entries() if news is None]
        self.assertEqual(len(locations), len(set(locations)), "listed twice")

    def test_articles_have_lastmod_and_their_featured_image(self):
        entries = rules.check_urlset(self.get("/sitemaps/articles-1.xml"))
        self.assertEqual(len(entries), len(self.paper["articles"]) + 1)
        with_images = [images for _loc, images, _news in entries if images]
        self.assertEqual(len(with_images), len(self.paper["articles"]))
        raw = self.get("/sitemaps/articles-1.xml").decode()
        self.assertEqual(raw.count("<lastmod>"), len(entries))

    def test_arabic_paths_are_percent_encoded_once(self):
        """Unencoded or double-encoded (%25D8) URLs are rejected or point nowhere."""
        locations = [loc for loc, _i, _n in self.all_entries()]
        self.assertIn("http://localhost/%D8%AB%D9%82%D8%A7%D9%81%D8%A9/", locations)
        self.assertIn("http://localhost/tag/%D8%B1%D9%88%D8%B3%D9%8A%D8%A7/", locations)
        self.assertIn("http://localhost/author/salma/", locations)
        self.assertIn("http://localhost/", locations)
        for location in locations:
            response = self.client.get(_path(location))
            self.assertEqual(response.status_code, 200, location)

    def test_drafts_scheduled_articles_and_their_tags_are_absent(self):
        """A sitemap is read by every crawler: a draft there is published."""
        everything = b"".join(
            self.get(url) for url in ("/sitemap.xml", "/sitemaps/articles-1.xml",
                                      "/sitemaps/news.xml", "/sitemaps/tags-1.xml")
        ).decode()  # fmt: skip
        for secret in (
            DRAFT_TITLE,
            SCHEDULED_TITLE,
            "draft-secret",
            "scheduled-secret",
        ):
            self.assertNotIn(secret, everything)
        tags = self.get("/sitemaps/tags-1.xml").decode()
        from urllib.parse import quote

        self.assertNotIn(quote(DRAFT_TAG), tags)

    def test_tags_of_private_or_unpublished_articles_are_absent(self):
        from urllib.parse import quote

        from wagtail.models import PageViewRestriction

        from nashra.sections.factories import create_section

        private = create_section(self.paper["home"], "خاص", "private-desk")
        create_article(private, "خبر خاص", tags=["وسم-خاص-فقط"])
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.LOGIN
        )
        withdrawn = create_article(self.paper["world"], "سحب", tags=["وسم-مسحوب"])
        withdrawn.unpublish()
        tags = self.get("/sitemaps/tags-1.xml").decode()
        self.assertNotIn(quote("وسم-خاص-فقط"), tags)
        self.assertNotIn(quote("وسم-مسحوب"), tags)
        self.assertIn(quote("روسيا"), tags)

    def test_news_sitemap_has_the_last_48_hours_only(self):
        entries = rules.check_urlset(self.get("/sitemaps/news.xml"))
        self.assertEqual(len(entries), len(self.paper["articles"]))
        news = entries[0][2]
        publication = news.find(rules.q(rules.NEWS, "publication"))
        self.assertEqual(publication.findtext(rules.q(rules.NEWS, "name")), "نشرة")
        self.assertEqual(publication.findtext(rules.q(rules.NEWS, "language")), "ar")
        titles = {n.findtext(rules.q(rules.NEWS, "title")) for _l, _i, n in entries}
        self.assertNotIn("خبر قديم", titles)
        self.assertIn("خبر world رقم 0", titles)

    def test_news_publication_name_follows_the_option(self):
        options = FeedOptions.for_site(Site.objects.get(is_default_site=True))
        options.publication_name = "نشرة المساء & الصباح"
        options.save()
        entries = rules.check_urlset(self.get("/sitemaps/news.xml"))
        name = (
            entries[0][2]
            .find(rules.q(rules.NEWS, "publication"))
            .findtext(rules.q(rules.NEWS, "name"))
        )
        self.assertEqual(name, "نشرة المساء & الصباح")

    def test_files_split_at_the_limit(self):
        """Past 50,000 URLs a file is ignored: the index must split (limit lowered here).

        Files cover id ranges (#8): 7 articles with ids spread over more than
        3 × 3 ids need at least 3 files, none over the limit, none empty.
        """
        with mock.patch.object(sitemaps, "URLS_PER_FILE", 3):
            locations = rules.check_index(self.get("/sitemap.xml"))
            article_files = [loc for loc in locations if "/articles-" in loc]
            self.assertGreaterEqual(len(article_files), 3)
            seen = []
            for location in article_files:
                entries = rules.check_urlset(self.get(_path(location)))
                self.assertIn(len(entries), (1, 2, 3))
                seen += [loc for loc, _i, _n in entries]
            self.assertEqual(len(seen), len(set(seen)))
            self.assertEqual(len(seen), 7)
            last = int(article_files[-1].rsplit("-", 1)[1].removesuffix(".xml"))
            self.assertEqual(
                self.client.get(f"/sitemaps/articles-{last + 1}.xml").status_code, 404
            )

    def test_a_file_is_read_in_chunks_by_id(self):
        """Chunks follow one another by id: none skipped, none repeated (#8)."""
        with mock.patch.object(sitemaps, "CHUNK", 2):
            entries = rules.check_urlset(self.get("/sitemaps/articles-1.xml"))
        locations = [loc for loc, _i, _n in entries]
        self.assertEqual(len(locations), len(self.paper["articles"]) + 1)
        self.assertEqual(len(set(locations)), len(locations))

    def test_files_are_streamed_not_built_in_memory(self):
        """100,000 URLs rendered as one string would hold the whole file in memory."""
        for url in ("/sitemap.xml", "/sitemaps/articles-1.xml", "/sitemaps/news.xml"):
            response = self.client.get(url)
            self.assertTrue(response.streaming, url)
            chunks = list(response.streaming_content)
            self.assertGreater(len(chunks), 3, url)

    def test_unknown_files_are_404(self):
        for url in ("/sitemaps/nothing-1.xml", "/sitemaps/articles-0.xml",
                    "/sitemaps/articles-2.xml"):  # fmt: skip
            self.assertEqual(self.client.get(url).status_code, 404, url)

    def test_sitemaps_in_constant_queries(self):
        """A sitemap of 100,000 articles must not make 100,000 queries."""
        counts = {}
        for url in ("/sitemap.xml", "/sitemaps/articles-1.xml", "/sitemaps/news.xml",
                    "/sitemaps/tags-1.xml", "/sitemaps/sections-1.xml"):  # fmt: skip
            self.get(url)  # the private-path and site caches fill on first use
            with CaptureQueriesContext(connection) as before:
                self.get(url)
            counts[url] = len(before.captured_queries)
        for index in range(5):
            create_article(self.paper["culture"], f"مزيد {index}", tags=[f"وسم {index}"],
                           featured_image=self.paper["image"])  # fmt: skip
        for url, count in counts.items():
            self.get(url)  # publishing emptied the site and private-path caches
            with self.assertNumQueries(count):
                self.get(url)


class RobotsTests(TestCase):
    def test_robots_names_both_sitemaps(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response["Content-Type"], "text/plain")
        text = response.content.decode()
        self.assertIn("Sitemap: http://localhost/sitemap.xml\n", text)
        self.assertIn("Sitemap: http://localhost/sitemaps/news.xml\n", text)
        self.assertIn("Disallow: /admin/", text)

    def test_robots_refuses_post(self):
        self.assertEqual(self.client.post("/robots.txt").status_code, 405)
