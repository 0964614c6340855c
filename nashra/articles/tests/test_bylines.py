"""Every author of a two-author byline, everywhere the byline shows (#20):
the article page, its card, RSS, Atom, JSON-LD and OpenGraph."""

import json

import feedparser
from django.test import TestCase, override_settings
from django.utils import translation
from lxml import html

from nashra.articles.factories import create_article, create_author
from nashra.core.tests.factories import build_newspaper
from nashra.feeds.tests.helpers import body

TITLE = "تحقيق مشترك عن المياه"
SALMA = '<a rel="author" href="/author/salma/">سلمى الحداد</a>'
AHMAD = '<a rel="author" href="/author/ahmad/">أحمد منصور</a>'


@override_settings(PAGE_CACHE=False)
class TwoAuthorBylineTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=1)
        cls.ahmad = create_author("أحمد منصور", "ahmad")
        cls.article = create_article(
            cls.paper["world"], TITLE, slug="water",
            authors=[cls.paper["author"], cls.ahmad],
        )  # fmt: skip

    def feed(self, kind):
        response = self.client.get(f"/feeds/{kind}/")
        parsed = feedparser.parse(body(response))
        self.assertFalse(parsed.bozo, parsed.get("bozo_exception"))
        return next(entry for entry in parsed.entries if entry.title == TITLE)

    def test_article_page_links_both_joined_the_arabic_way(self):
        response = self.client.get(self.article.url)
        self.assertContains(
            response, f'<span class="byline__authors">{SALMA} و{AHMAD}</span>'
        )

    def test_card_shows_both_authors(self):
        response = self.client.get(self.paper["world"].url)
        page = response.content.decode()
        start = page.index(TITLE)
        card = page[
            page.rindex('<article class="card', 0, start) : page.index(
                "</article>", start
            )
        ]
        self.assertIn(f'<p class="card__byline">{SALMA} و{AHMAD}</p>', card)

    def test_cards_cost_one_query_for_every_byline(self):
        for index in range(4):
            create_article(
                self.paper["world"], f"خبر إضافي {index}",
                authors=[self.ahmad, self.paper["author"]],
            )  # fmt: skip
        from django.core.cache import cache
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        self.client.get(self.paper["world"].url)
        cache.clear()  # every card rendered again
        with CaptureQueriesContext(connection) as found:
            response = self.client.get(self.paper["world"].url)
        bylines = [q for q in found if "articles_articlepageauthor" in q["sql"]]
        self.assertEqual(len(bylines), 1, [q["sql"][:120] for q in bylines])
        self.assertEqual(response.content.decode().count('class="card__byline"'), 6)

    def test_rss_has_one_creator_per_author(self):
        entry = self.feed("rss")
        self.assertEqual(
            [author["name"] for author in entry.authors], ["سلمى الحداد", "أحمد منصور"]
        )
        raw = body(self.client.get("/feeds/rss/")).decode()
        self.assertIn(
            "<dc:creator>سلمى الحداد</dc:creator><dc:creator>أحمد منصور</dc:creator>",
            raw,
        )

    def test_atom_has_one_author_element_per_author(self):
        entry = self.feed("atom")
        found = [(a["name"], a["href"]) for a in entry.authors]
        self.assertEqual(
            found,
            [("سلمى الحداد", "http://localhost/author/salma/"),
             ("أحمد منصور", "http://localhost/author/ahmad/")],
        )  # fmt: skip

    def head(self):
        response = self.client.get(self.article.url)
        return html.fromstring(response.content.decode()).find("head")

    def test_json_ld_lists_each_author_as_a_person_with_a_url(self):
        script = self.head().xpath('//script[@type="application/ld+json"]')[0]
        graph = {item["@type"]: item for item in json.loads(script.text)["@graph"]}
        self.assertEqual(
            graph["NewsArticle"]["author"],
            [{"@type": "Person", "name": "سلمى الحداد",
              "url": "http://localhost/author/salma/"},
             {"@type": "Person", "name": "أحمد منصور",
              "url": "http://localhost/author/ahmad/"}],
        )  # fmt: skip

    def test_opengraph_has_one_article_author_per_author(self):
        found = self.head().xpath('//meta[@property="article:author"]/@content')
        self.assertEqual(
            found, ["http://localhost/author/salma/", "http://localhost/author/ahmad/"]
        )


@override_settings(PAGE_CACHE=False, LANGUAGE_CODE="en")
class EnglishBylineTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=1)
        names = [("Ahmad Mansour", "ahmad"), ("Salma Haddad", "salma-h"),
                 ("Khaled Omar", "khaled")]  # fmt: skip
        cls.article = create_article(
            cls.paper["world"], "A joint report", slug="joint",
            authors=[create_author(name, slug) for name, slug in names],
        )  # fmt: skip

    def test_three_authors_are_written_a_b_and_c(self):
        with translation.override("en"):
            response = self.client.get(
                self.article.url, headers={"accept-language": "en"}
            )
        page = response.content.decode()
        self.assertIn(
            '<a rel="author" href="/author/ahmad/">Ahmad Mansour</a>, '
            '<a rel="author" href="/author/salma-h/">Salma Haddad</a> and '
            '<a rel="author" href="/author/khaled/">Khaled Omar</a>',
            page,
        )
