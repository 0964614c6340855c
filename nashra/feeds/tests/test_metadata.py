import json
import re

from django.test import TestCase
from lxml import html

from nashra.feeds.tests.helpers import newspaper_with_secrets


def head(response):
    return html.fromstring(response.content.decode()).find("head")


def meta(tree, prop):
    return [
        el.get("content")
        for el in tree.xpath(f'//meta[@property="{prop}" or @name="{prop}"]')
    ]


def json_ld(tree):
    scripts = tree.xpath('//script[@type="application/ld+json"]')
    assert len(scripts) == 1
    return {item["@type"]: item for item in json.loads(scripts[0].text)["@graph"]}


class ArticleMetadataTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = newspaper_with_secrets(articles_per_section=1)
        cls.article = cls.paper["articles"][1]  # Arabic section slug

    def setUp(self):
        self.response = self.client.get(self.article.url)
        self.assertEqual(self.response.status_code, 200)
        self.tree = head(self.response)

    def test_canonical_is_one_encoded_absolute_url(self):
        """A raw or double-encoded canonical splits the page's ranking in two."""
        canonical = self.tree.xpath('//link[@rel="canonical"]/@href')
        self.assertEqual(canonical, ["http://localhost" + self.article.url])
        self.assertTrue(canonical[0].isascii())
        self.assertNotIn("%25", canonical[0])
        self.assertEqual(meta(self.tree, "og:url"), canonical)

    def test_title_and_description_follow_the_pattern(self):
        self.assertEqual(self.tree.findtext("title"), f"{self.article.title} · نشرة")
        self.assertEqual(meta(self.tree, "description"), ["ملخص الخبر"])

    def test_opengraph_article_tags(self):
        self.assertEqual(meta(self.tree, "og:type"), ["article"])
        self.assertEqual(meta(self.tree, "og:locale"), ["ar_AR"])
        self.assertEqual(meta(self.tree, "og:title"), [self.article.title])
        self.assertEqual(meta(self.tree, "article:section"), ["ثقافة وفنون"])
        self.assertEqual(meta(self.tree, "article:tag"), ["روسيا", "Kim Jong Un"])
        published = meta(self.tree, "article:published_time")[0]
        self.assertRegex(published, r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")
        self.assertTrue(meta(self.tree, "article:modified_time"))
        image = meta(self.tree, "og:image")[0]
        self.assertTrue(image.startswith("http://localhost/media/images/"))
        self.assertEqual(meta(self.tree, "og:image:width"), ["64"])
        self.assertEqual(meta(self.tree, "og:image:height"), ["36"])
        self.assertEqual(meta(self.tree, "twitter:card"), ["summary_large_image"])

    def test_news_article_json_ld(self):
        graph = json_ld(self.tree)
        article = graph["NewsArticle"]
        self.assertEqual(article["headline"], self.article.title)
        self.assertEqual(article["inLanguage"], "ar")
        self.assertEqual(article["articleSection"], "ثقافة وفنون")
        self.assertEqual([a["name"] for a in article["author"]], ["سلمى الحداد"])
        self.assertTrue(article["url"].isascii())
        self.assertTrue(article["datePublished"] and article["dateModified"])
        publisher = article["publisher"]
        self.assertEqual(publisher["name"], "نشرة")
        self.assertTrue(publisher["logo"]["url"].endswith(".png"))
        self.assertEqual(article["image"][0]["width"], 64)

    def test_breadcrumbs_run_home_section_article(self):
        crumbs = json_ld(self.tree)["BreadcrumbList"]["itemListElement"]
        self.assertEqual([c["position"] for c in crumbs], [1, 2, 3])
        self.assertEqual(crumbs[1]["name"], "ثقافة وفنون")
        self.assertEqual(
            crumbs[1]["item"], "http://localhost/%D8%AB%D9%82%D8%A7%D9%81%D8%A9/"
        )

    def test_feed_links_are_advertised(self):
        hrefs = self.tree.xpath('//link[@rel="alternate"]/@href')
        self.assertIn("/feeds/rss/", hrefs)
        self.assertIn(f"/feeds/comments/{self.article.pk}/rss/", hrefs)

    def test_a_script_closing_tag_in_a_headline_cannot_break_out(self):
        """JSON-LD sits in <script>: a headline with </script> must not end it."""
        from nashra.articles.factories import create_article

        article = create_article(
            self.paper["world"], "عنوان </script><script>alert(1)</script>"
        )
        page = self.client.get(article.url).content.decode()
        block = re.search(
            r'<script type="application/ld\+json">(.*?)</script>', page, re.S
        )
        self.assertNotIn("<", block.group(1))
        self.assertIn("alert(1)", json.loads(block.group(1))["@graph"][0]["headline"])


class ListingMetadataTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = newspaper_with_secrets(articles_per_section=1)

    def test_home_has_organization_and_website_with_search_action(self):
        tree = head(self.client.get("/"))
        graph = json_ld(tree)
        self.assertIn("NewsMediaOrganization", graph)
        action = graph["WebSite"]["potentialAction"]
        self.assertEqual(action["@type"], "SearchAction")
        self.assertEqual(
            action["target"]["urlTemplate"],
            "http://localhost/search/?q={search_term_string}",
        )
        self.assertEqual(action["query-input"], "required name=search_term_string")
        self.assertEqual(
            tree.xpath('//link[@rel="canonical"]/@href'), ["http://localhost/"]
        )

    def test_section_tag_and_author_pages(self):
        cases = {
            "/ثقافة/": "http://localhost/%D8%AB%D9%82%D8%A7%D9%81%D8%A9/",
            "/tag/روسيا/": "http://localhost/tag/%D8%B1%D9%88%D8%B3%D9%8A%D8%A7/",
            "/author/salma/": "http://localhost/author/salma/",
        }
        for path, canonical in cases.items():
            with self.subTest(path=path):
                response = self.client.get(path)
                self.assertEqual(response.status_code, 200)
                tree = head(response)
                self.assertEqual(
                    tree.xpath('//link[@rel="canonical"]/@href'), [canonical]
                )
                self.assertIn("BreadcrumbList", json_ld(tree))
                self.assertEqual(
                    len(tree.xpath('//link[@type="application/rss+xml"]')), 2
                )

    def test_second_page_of_a_listing_is_its_own_canonical(self):
        tree = head(self.client.get("/world/?page=1"))
        self.assertEqual(
            tree.xpath('//link[@rel="canonical"]/@href'), ["http://localhost/world/"]
        )

    def test_preview_of_a_new_unsaved_article_has_no_metadata(self):
        """Editors preview before the first save: no id, no URL, no crash."""
        from django.contrib.auth.models import AnonymousUser
        from django.test import RequestFactory

        from nashra.articles.models import ArticlePage
        from nashra.feeds.metadata import describe

        article = ArticlePage(title="معاينة", slug="preview", summary="ملخص")
        request = RequestFactory().get("/")
        request.user = AnonymousUser()
        request.is_preview = True
        self.assertIsNone(describe({"request": request, "page": article}))

    def test_a_missing_page_has_no_canonical(self):
        response = self.client.get("/لا-يوجد/")
        self.assertEqual(response.status_code, 404)
        self.assertNotIn('rel="canonical"', response.content.decode())
