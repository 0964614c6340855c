"""Sub-sections (#20): nested URLs, listings that gather them, breadcrumbs,
the cached section tree, the mega menu's data and the cache groups bumped."""

import json
from contextlib import contextmanager
from datetime import timedelta

from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from lxml import html

from nashra.articles.factories import create_article
from nashra.core.invalidate import groups_bumped
from nashra.core.privacy import private_paths
from nashra.home.models import HomePage
from nashra.sections.factories import create_section
from nashra.sections.models import ARTICLES_PER_PAGE
from nashra.sections.tree import section_tree


@contextmanager
def bumped():
    """Every cache group bumped inside the block."""
    found = set()

    def record(sender, groups, **kwargs):
        found.update(groups)

    groups_bumped.connect(record, dispatch_uid="test-subsections")
    try:
        yield found
    finally:
        groups_bumped.disconnect(dispatch_uid="test-subsections")


def tree_of(response):
    return html.fromstring(response.content.decode())


def json_ld(response):
    scripts = tree_of(response).xpath('//script[@type="application/ld+json"]')
    assert len(scripts) == 1
    return {item["@type"]: item for item in json.loads(scripts[0].text)["@graph"]}


class SubSectionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = HomePage.objects.get()
        now = timezone.now()
        cls.sport = create_section(home, "رياضة", "sport")
        cls.football = create_section(cls.sport, "كرة القدم", "football")
        cls.tennis = create_section(cls.sport, "تنس", "tennis")
        cls.league = create_section(cls.football, "الدوري", "league")
        cls.economy = create_section(home, "اقتصاد", "economy")
        cls.markets = create_section(cls.economy, "أسواق", "markets")
        cls.own = create_article(
            cls.sport, "خبر الرياضة العام", slug="general", published_at=now
        )
        cls.story = create_article(
            cls.football,
            "مباراة القمة",
            slug="story",
            published_at=now - timedelta(hours=1),
        )
        cls.deep = create_article(
            cls.league,
            "ترتيب الدوري",
            slug="table",
            published_at=now - timedelta(hours=2),
        )
        cls.other = create_article(
            cls.economy, "خبر اقتصادي", slug="economy-story", published_at=now
        )

    def test_urls_nest(self):
        self.assertEqual(self.story.url, "/sport/football/story/")
        self.assertEqual(self.deep.url, "/sport/football/league/table/")
        self.assertEqual(self.client.get("/sport/football/story/").status_code, 200)
        self.assertEqual(self.client.get("/sport/football/").status_code, 200)

    def test_a_listing_shows_its_own_and_its_sub_sections_articles_newest_first(self):
        page = self.client.get("/sport/").content.decode()
        titles = ["خبر الرياضة العام", "مباراة القمة", "ترتيب الدوري"]
        places = [page.index(title) for title in titles]
        self.assertEqual(places, sorted(places))
        self.assertNotIn("خبر اقتصادي", page)

    def test_a_sub_section_lists_only_its_own_branch(self):
        page = self.client.get("/sport/football/").content.decode()
        self.assertIn("مباراة القمة", page)
        self.assertIn("ترتيب الدوري", page)
        self.assertNotIn("خبر الرياضة العام", page)

    def test_cards_name_their_sub_section(self):
        page = tree_of(self.client.get("/sport/"))
        labels = page.xpath('//a[@class="card__section"]/@href')
        self.assertIn(self.football.url, labels)
        self.assertIn(self.league.url, labels)

    def test_a_row_of_links_to_the_sub_sections(self):
        page = tree_of(self.client.get("/sport/"))
        row = page.xpath('//nav[@class="subsections"]//a')
        self.assertEqual(
            [(a.get("href"), a.text_content()) for a in row],
            [(self.football.url, "كرة القدم"), (self.tennis.url, "تنس")],
        )
        leaf = tree_of(self.client.get("/sport/tennis/"))
        self.assertEqual(leaf.xpath('//nav[@class="subsections"]'), [])

    def test_listings_with_sub_sections_are_paginated(self):
        now = timezone.now()
        for index in range(ARTICLES_PER_PAGE):
            create_article(
                self.tennis,
                f"مباراة تنس {index}",
                slug=f"tennis-{index}",
                published_at=now - timedelta(days=1, minutes=index),
            )
        first = self.client.get("/sport/").content.decode()
        second = self.client.get("/sport/?page=2").content.decode()
        self.assertIn("خبر الرياضة العام", first)
        self.assertIn("ترتيب الدوري", first)
        last = f"مباراة تنس <bdi>{ARTICLES_PER_PAGE - 1}</bdi>"
        self.assertIn(last, second)
        self.assertNotIn(last, first)

    @override_settings(PAGE_CACHE=False)
    def test_gathering_sub_sections_costs_no_extra_query(self):
        """The ids come from the cached tree: one listing query either way."""
        self.client.get("/sport/")
        self.client.get("/economy/markets/")
        with CaptureQueriesContext(connection) as with_children:
            self.client.get("/sport/")
        with CaptureQueriesContext(connection) as leaf:
            self.client.get("/economy/markets/")
        self.assertEqual(len(with_children), len(leaf))

    def test_the_tree_is_one_query_then_cached_until_a_section_changes(self):
        private_paths()  # its own cached fragment, read by every listing too
        with CaptureQueriesContext(connection) as first:
            tree = section_tree()
        self.assertEqual(len(first), 1)
        self.assertEqual(
            [s.pk for s in tree.ancestors(self.league.pk)],
            [self.sport.pk, self.football.pk, self.league.pk],
        )
        self.assertEqual(
            set(tree.descendant_ids(self.sport.pk)),
            {self.football.pk, self.tennis.pk, self.league.pk},
        )
        with self.assertNumQueries(0):
            section_tree()
        with bumped() as groups:
            added = create_section(self.economy, "عملات", "currencies")
        self.assertIn("site", groups)
        self.assertIn(added.pk, section_tree().by_id)

    def test_an_unpublished_sub_section_leaves_the_tree_and_the_listing(self):
        self.league.unpublish()
        self.assertNotIn(self.league.pk, section_tree().by_id)
        self.assertNotIn("ترتيب الدوري", self.client.get("/sport/").content.decode())


class BreadcrumbTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = HomePage.objects.get()
        cls.sport = create_section(home, "رياضة", "sport")
        cls.football = create_section(cls.sport, "كرة القدم", "football")
        cls.league = create_section(cls.football, "الدوري", "league")
        cls.story = create_article(cls.football, "مباراة القمة", slug="story")
        cls.deep = create_article(cls.league, "ترتيب الدوري", slug="table")
        cls.flat = create_article(cls.sport, "خبر عام", slug="flat")

    def crumbs(self, path):
        page = tree_of(self.client.get(path))
        navs = page.xpath('//nav[@class="breadcrumbs"]')
        self.assertEqual(len(navs), 1)
        nav = navs[0]
        self.assertEqual(nav.get("aria-label"), "مسار التنقل")
        items = nav.xpath("./ol/li")
        self.assertEqual(items[-1].xpath(".//*[@aria-current]/@aria-current"), ["page"])
        self.assertEqual(len(nav.xpath(".//*[@aria-current]")), 1)
        return [
            (item.text_content().strip(), (item.xpath(".//a/@href") or [None])[0])
            for item in items
        ]

    def test_article_in_a_sub_section(self):
        self.assertEqual(
            self.crumbs(self.story.url),
            [
                ("الرئيسية", "/"),
                ("رياضة", "/sport/"),
                ("كرة القدم", "/sport/football/"),
                ("مباراة القمة", None),
            ],
        )

    def test_sub_section_page(self):
        self.assertEqual(
            self.crumbs("/sport/football/league/"),
            [
                ("الرئيسية", "/"),
                ("رياضة", "/sport/"),
                ("كرة القدم", "/sport/football/"),
                ("الدوري", None),
            ],
        )

    def test_json_ld_follows_the_same_trail(self):
        graph = json_ld(self.client.get(self.deep.url))
        items = graph["BreadcrumbList"]["itemListElement"]
        self.assertEqual([item["position"] for item in items], [1, 2, 3, 4, 5])
        self.assertEqual(
            [item["name"] for item in items],
            ["الرئيسية", "رياضة", "كرة القدم", "الدوري", "ترتيب الدوري"],
        )
        self.assertEqual(
            [item["item"] for item in items],
            [
                "http://localhost/",
                "http://localhost/sport/",
                "http://localhost/sport/football/",
                "http://localhost/sport/football/league/",
                "http://localhost/sport/football/league/table/",
            ],
        )
        self.assertIn("NewsArticle", graph)

    def test_section_json_ld(self):
        graph = json_ld(self.client.get("/sport/football/"))
        names = [i["name"] for i in graph["BreadcrumbList"]["itemListElement"]]
        self.assertEqual(names, ["الرئيسية", "رياضة", "كرة القدم"])

    @override_settings(PAGE_CACHE=False)
    def test_no_query_per_ancestor(self):
        """An article three sections deep costs what one in a top section does."""
        self.client.get(self.deep.url)
        self.client.get(self.flat.url)
        with CaptureQueriesContext(connection) as deep:
            self.client.get(self.deep.url)
        with CaptureQueriesContext(connection) as flat:
            self.client.get(self.flat.url)
        self.assertEqual(len(deep), len(flat))


class AncestorInvalidationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = HomePage.objects.get()
        cls.sport = create_section(home, "رياضة", "sport")
        cls.football = create_section(cls.sport, "كرة القدم", "football")
        cls.league = create_section(cls.football, "الدوري", "league")
        cls.economy = create_section(home, "اقتصاد", "economy")
        cls.markets = create_section(cls.economy, "أسواق", "markets")

    def test_publishing_in_a_sub_section_bumps_every_ancestor(self):
        article = create_article(self.league, "هدف", slug="goal", publish=False)
        with bumped() as groups:
            article.save_revision().publish()
        for section in (self.league, self.football, self.sport):
            self.assertIn(f"section:{section.pk}", groups)
        self.assertNotIn(f"section:{self.economy.pk}", groups)

    def test_unpublishing_bumps_every_ancestor(self):
        article = create_article(self.football, "هدف", slug="goal")
        with bumped() as groups:
            article.unpublish()
        self.assertIn(f"section:{self.sport.pk}", groups)
        self.assertIn(f"section:{self.football.pk}", groups)

    def test_moving_bumps_the_old_and_the_new_ancestors(self):
        article = create_article(self.league, "صفقة", slug="deal")
        with bumped() as groups:
            article.move(self.markets, pos="last-child")
        for section in (self.league, self.football, self.sport):
            self.assertIn(f"section:{section.pk}", groups, section.title)
        for section in (self.markets, self.economy):
            self.assertIn(f"section:{section.pk}", groups, section.title)
        article.refresh_from_db()
        self.assertEqual(article.section_id, self.markets.pk)
        self.assertIn("صفقة", self.client.get("/economy/").content.decode())
        self.assertNotIn("صفقة", self.client.get("/sport/").content.decode())

    def test_a_parent_listing_shows_a_new_story_at_once(self):
        """With the page cache on, the parent's cached listing must miss."""
        self.assertNotIn("خبر جديد", self.client.get("/sport/").content.decode())
        create_article(self.league, "خبر جديد", slug="fresh")
        self.assertIn("خبر جديد", self.client.get("/sport/").content.decode())


class MegaMenuTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = HomePage.objects.get()
        now = timezone.now()
        cls.sport = create_section(home, "رياضة", "sport")
        cls.football = create_section(cls.sport, "كرة القدم", "football")
        cls.economy = create_section(home, "اقتصاد", "economy")
        cls.stories = [
            create_article(
                cls.football if index % 2 else cls.sport,
                f"قصة رياضية {index}",
                slug=f"sport-{index}",
                published_at=now - timedelta(minutes=index),
            )
            for index in range(6)
        ]

    def test_every_section_and_sub_section_is_a_link_in_the_header(self):
        nav = tree_of(self.client.get("/"))
        hrefs = nav.xpath('//nav[@class="site-nav"]//a/@href')
        for section in (self.sport, self.football, self.economy):
            self.assertIn(section.url, hrefs)
        panel = nav.xpath(f'//*[@id="menu-panel-{self.sport.pk}"]')[0]
        self.assertEqual(panel.get("data-menu-stories"), f"/_menu/{self.sport.pk}/")
        self.assertIn(self.football.url, panel.xpath(".//a/@href"))

    def test_the_panel_stories_are_the_four_latest_of_the_branch(self):
        response = self.client.get(f"/_menu/{self.sport.pk}/")
        self.assertEqual(response["X-Robots-Tag"], "noindex")
        links = tree_of(response).xpath("//a[@href]")
        titles = [a.text_content().strip() for a in links]
        self.assertEqual(titles, [f"قصة رياضية {index}" for index in range(4)])
        # The sub-section's own panel data lists only its stories.
        football = self.client.get(f"/_menu/{self.football.pk}/").content.decode()
        self.assertIn("/sport/football/sport-1/", football)
        self.assertNotIn("/sport/sport-0/", football)

    def test_an_unknown_section_is_a_404(self):
        self.assertEqual(self.client.get("/_menu/999999/").status_code, 404)
        story = self.stories[0]
        self.assertEqual(self.client.get(f"/_menu/{story.pk}/").status_code, 404)

    def test_the_panel_is_cached_and_a_sub_section_publish_refreshes_it(self):
        url = f"/_menu/{self.sport.pk}/"
        self.client.get(url)
        self.assertEqual(self.client.get(url)["X-Cache"], "HIT")
        with bumped() as groups:
            create_article(self.football, "هدف متأخر", slug="late-goal")
        self.assertIn(f"section:{self.sport.pk}", groups)
        response = self.client.get(url)
        self.assertEqual(response["X-Cache"], "MISS")
        self.assertIn("هدف متأخر", response.content.decode())
        # Another section's publish leaves it cached.
        create_article(self.economy, "خبر السوق", slug="market")
        self.assertEqual(self.client.get(url)["X-Cache"], "HIT")

    @override_settings(PAGE_CACHE=False)
    def test_pages_do_not_query_the_stories(self):
        """The header carries no story: no query per section per page."""
        self.client.get("/economy/")
        with CaptureQueriesContext(connection) as before:
            self.client.get("/economy/")
        for index in range(3):
            create_section(HomePage.objects.get(), f"قسم {index}", f"extra-{index}")
        self.client.get("/economy/")
        with CaptureQueriesContext(connection) as after:
            page = self.client.get("/economy/").content.decode()
        self.assertIn("/extra-2/", page)
        self.assertEqual(len(before), len(after))
        self.assertNotIn("قصة رياضية", page)
