"""NASHRA_BASE_URL makes every absolute URL the site prints right (#12).

The threat: a site set up with NASHRA_BASE_URL=https://news.example told
search engines, feed readers and share buttons http://localhost/, so a
crawler following robots.txt fetched http://localhost/sitemap.xml.
"""

import json
import re
from urllib.parse import unquote

import feedparser
from django.core.management.sql import emit_post_migrate_signal
from django.test import TestCase, override_settings
from django.utils.encoding import iri_to_uri
from lxml import etree, html
from wagtail.models import Site

from nashra.core.base_url import address, sync_default_site
from nashra.feeds.tests.helpers import body, newspaper_with_secrets

BASE = "https://news.example"
HOSTS = ["testserver", "news.example", "www.news.example", "other.example"]
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"


def urls_in(text):
    return re.findall(r"https?://[^\s\"'<>)]+", text)


@override_settings(BASE_URL=BASE, ALLOWED_HOSTS=HOSTS)
class BaseUrlTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = newspaper_with_secrets(articles_per_section=1)
        cls.article = cls.paper["articles"][1]  # Arabic section slug
        with override_settings(BASE_URL=BASE):
            # What `nashra migrate` sends when it ends.
            emit_post_migrate_signal(verbosity=0, interactive=False, db="default")

    def get(self, url, host="testserver"):
        response = self.client.get(url, HTTP_HOST=host)
        self.assertEqual(response.status_code, 200, url)
        text = body(response).decode()
        self.assertNotIn("localhost", text, url)
        self.assertNotIn("testserver", text, url)
        return text

    def assert_ours(self, url):
        self.assertTrue(url.startswith(BASE + "/"), url)

    def test_migrate_puts_the_address_in_the_default_site(self):
        site = Site.objects.get(is_default_site=True)
        self.assertEqual((site.hostname, site.port), ("news.example", 443))
        self.assertEqual(site.root_url, BASE)

    def test_article_head_canonical_opengraph_and_json_ld(self):
        tree = html.fromstring(self.get(self.article.url))
        canonical = tree.xpath('//link[@rel="canonical"]/@href')
        self.assertEqual(canonical, [iri_to_uri(BASE + self.article.url)])
        self.assertEqual(tree.xpath('//meta[@property="og:url"]/@content'), canonical)
        (image,) = tree.xpath('//meta[@property="og:image"]/@content')
        self.assert_ours(image)
        script = tree.xpath('//script[@type="application/ld+json"]')[0].text
        graph = {i["@type"]: i for i in json.loads(script)["@graph"]}
        news = graph["NewsArticle"]
        self.assertEqual(news["url"], canonical[0])
        self.assert_ours(news["image"][0]["url"])
        self.assert_ours(news["publisher"]["logo"]["url"])
        for found in urls_in(script):
            if not found.startswith("https://schema.org"):
                self.assert_ours(found)

    def test_share_links_carry_the_public_address(self):
        tree = html.fromstring(self.get(self.article.url))
        shares = [
            unquote(href)
            for href in tree.xpath("//a/@href")
            if href.startswith(("https://wa.me", "https://t.me", "mailto:"))
        ]
        self.assertEqual(len(shares), 3)
        for href in shares:
            # The short form since #18; the public host either way.
            self.assertIn(f"{BASE}/a/{self.article.pk}/", href)

    def test_every_page_kind_names_only_the_public_address(self):
        for url in ["/", self.paper["culture"].url, "/tag/روسيا/", "/author/salma/"]:
            tree = html.fromstring(self.get(url))
            (canonical,) = tree.xpath('//link[@rel="canonical"]/@href')
            self.assert_ours(canonical)

    def test_rss_and_atom_links_and_ids(self):
        for url in ["/feeds/rss/", "/feeds/atom/"]:
            feed = feedparser.parse(self.get(url))
            self.assertFalse(feed.bozo, url)
            self.assertEqual(feed.feed.link, BASE + "/")
            self.assertTrue(feed.entries)
            for entry in feed.entries:
                self.assert_ours(entry.link)
                self.assertRegex(entry.id, r"^https://news\.example/a/\d+/$")
                for enclosure in entry.get("enclosures", []):
                    self.assert_ours(enclosure["href"])
            for link in feed.feed.get("links", []):
                self.assert_ours(link["href"])

    def test_sitemap_index_and_files(self):
        index = etree.fromstring(self.get("/sitemap.xml").encode())
        files = [loc.text for loc in index.iter(SITEMAP)]
        self.assertTrue(files)
        for url in files:
            self.assert_ours(url)
            page = etree.fromstring(self.get(url.removeprefix(BASE)).encode())
            for loc in page.iter():
                if loc.tag.endswith("loc"):
                    self.assert_ours(loc.text)

    def test_robots_txt_sitemap_lines(self):
        lines = [
            line.split(" ", 1)[1]
            for line in self.get("/robots.txt").splitlines()
            if line.startswith("Sitemap:")
        ]
        self.assertEqual(lines, [BASE + "/sitemap.xml", BASE + "/sitemaps/news.xml"])

    def test_api_urls(self):
        text = self.get("/api/v1/articles/")
        found = urls_in(text)
        self.assertTrue(found)
        for url in found:
            self.assert_ours(url)
        detail = json.loads(self.get(f"/api/v1/articles/{self.article.pk}/"))
        self.assert_ours(detail["url"])
        self.assert_ours(detail["short_url"])

    def test_any_host_the_site_answers_on_prints_the_public_one(self):
        for host in ["news.example", "www.news.example", "testserver"]:
            tree = html.fromstring(self.get(self.article.url, host=host))
            (canonical,) = tree.xpath('//link[@rel="canonical"]/@href')
            self.assert_ours(canonical)

    def test_a_second_site_keeps_its_own_hostname(self):
        Site.objects.create(
            hostname="other.example", port=80, root_page=self.paper["home"]
        )
        tree = html.fromstring(
            self.client.get("/", HTTP_HOST="other.example").content.decode()
        )
        (canonical,) = tree.xpath('//link[@rel="canonical"]/@href')
        self.assertEqual(canonical, "http://other.example/")
        # And the default site is left as the setting says.
        self.assertFalse(sync_default_site())

    @override_settings(PAGE_CACHE=True)
    def test_cached_pages_follow_a_changed_address(self):
        """A page cached before the address changed must not keep the old host."""
        first = self.client.get(self.article.url)
        again = self.client.get(self.article.url)
        self.assertEqual(again["X-Cache"], "HIT")
        self.assertIn(BASE.encode(), first.content)
        with override_settings(BASE_URL="https://akhbar.example"):
            self.assertTrue(sync_default_site())
        after = self.client.get(self.article.url, HTTP_HOST="news.example")
        self.assertEqual(after["X-Cache"], "MISS")
        self.assertIn(b'href="https://akhbar.example/', after.content)
        self.assertNotIn(b"https://news.example/", after.content)


class AddressTests(TestCase):
    def test_hostname_and_port(self):
        self.assertEqual(address("https://news.example"), ("news.example", 443))
        self.assertEqual(address("https://News.Example/"), ("news.example", 443))
        self.assertEqual(address("http://127.0.0.1:8000"), ("127.0.0.1", 8000))
        self.assertEqual(address("http://news.example"), ("news.example", 80))

    def test_what_a_site_record_cannot_say_is_refused(self):
        for bad in ["news.example", "ftp://news.example", "https://news.example/ar/",
                    "https://news.example:8443", "http://news.example:443",
                    "https://user:pw@news.example", "https://"]:  # fmt: skip
            with self.subTest(bad), self.assertRaises(ValueError):
                address(bad)

    @override_settings(BASE_URL="https://news.example/news/")
    def test_a_bad_setting_is_a_system_check_error_in_both_languages(self):
        from nashra.core.base_url import check_base_url

        (error,) = check_base_url(None)
        self.assertIn("NASHRA_BASE_URL", error.msg)
        self.assertIn("غير صالح", error.msg)


class ServeStartTests(TestCase):
    @override_settings(BASE_URL="https://news.example")
    def test_serve_puts_a_changed_address_in_the_site_even_without_setup(self):
        """A restart with a new NASHRA_BASE_URL and nothing to migrate."""
        import io
        from unittest import mock

        from nashra.core.tests.factories import ensure_home
        from nashra.server.management.commands import serve

        ensure_home()
        out = io.StringIO()
        target = "nashra.server.management.commands.serve"
        with (
            mock.patch(f"{target}.call_command") as runserver,
            mock.patch(f"{target}.start_scheduler"),
        ):
            serve.Command(stdout=out).handle(addrport="127.0.0.1:8299", no_setup=True)
        runserver.assert_called_once()
        site = Site.objects.get(is_default_site=True)
        self.assertEqual(site.root_url, "https://news.example")
        self.assertIn("https://news.example", out.getvalue())
