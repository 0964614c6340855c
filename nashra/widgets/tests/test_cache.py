"""An area is one fragment: kept until the widgets or the articles change,
and no query per page for it however big the newspaper (#20)."""

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from nashra.articles.factories import create_article
from nashra.articles.models import ArticlePage, Tag
from nashra.widgets.render import build_area
from nashra.widgets.tests.helpers import WidgetsTestCase, widget

EVERY_KIND = [
    widget("latest", count=3),
    widget("most_read", count=3, period="week"),
    widget("section", section=None, count=3),
    widget("social", links=[{"network": "rss", "url": "https://news.example/feed/"}]),
    widget("newsletter"),
    widget("custom_html", html="<p>مرحبا</p>"),
    widget("today"),
]


@override_settings(PAGE_CACHE=True)
class WidgetCacheTests(WidgetsTestCase):
    def every_kind(self):
        kinds = [dict(w, value=dict(w["value"])) for w in EVERY_KIND]
        kinds[2]["value"]["section"] = self.paper["world"].pk
        return kinds

    def sidebar(self, url=None):
        return self.area(self.html(url or self.article.url), "sidebar") or ""

    def test_the_area_is_kept_between_pages(self):
        self.place(sidebar=[widget("latest", count=5)])
        before = self.sidebar()
        # A change no signal announces: the kept fragment still shows the old title.
        ArticlePage.objects.filter(pk=self.article.pk).update(title="عنوان بلا إشارة")
        self.assertEqual(self.sidebar(self.paper["world"].url), before)

    def test_saving_the_widgets_drops_the_kept_area(self):
        self.place(sidebar=[widget("latest", count=1)])
        self.assertEqual(self.sidebar().count("<li>"), 1)
        self.place(sidebar=[widget("latest", count=3)])
        self.assertEqual(self.sidebar().count("<li>"), 3)

    def test_publishing_an_article_drops_the_kept_area(self):
        self.place(sidebar=[widget("latest", count=2)], footer=[
            widget("section", section=self.paper["culture"].pk, count=2)])  # fmt: skip
        self.html(self.article.url)
        with self.captureOnCommitCallbacks(execute=True):
            create_article(self.paper["culture"], "خبر عاجل جديد", slug="عاجل-جديد")
        html = self.html(self.article.url)
        self.assertIn("خبر عاجل جديد", self.area(html, "sidebar"))
        self.assertIn("خبر عاجل جديد", self.area(html, "footer"))

    def test_unpublishing_an_article_drops_it_from_the_area(self):
        self.place(sidebar=[widget("latest", count=10)])
        gone = self.paper["articles"][1]
        self.assertIn(gone.title, self.sidebar())
        with self.captureOnCommitCallbacks(execute=True):
            gone.unpublish()
        self.assertNotIn(gone.title, self.sidebar())

    def test_a_warm_page_costs_no_query_for_its_widgets(self):
        url = self.paper["world"].url
        self.place()
        self.html(url)
        with CaptureQueriesContext(connection) as without:
            self.html(url)
        self.place(sidebar=self.every_kind(), footer=self.every_kind())
        self.html(url)
        with CaptureQueriesContext(connection) as with_widgets:
            html = self.html(url)
        self.assertIn("widget--today", html)
        self.assertEqual(len(with_widgets), len(without))

    def test_building_an_area_costs_the_same_for_a_bigger_newspaper(self):
        site = Site.objects.get(is_default_site=True)
        self.place(sidebar=self.every_kind())

        def cost():
            build_area(site, "sidebar", None)  # site root paths and the like
            with CaptureQueriesContext(connection) as queries:
                html, _, _ = build_area(site, "sidebar", None)
            self.assertIn("widget--section", html)
            return len(queries)

        small = cost()
        for index in range(6):
            create_article(self.paper["world"], f"خبر إضافي {index}",
                           slug=f"اضافي-{index}")  # fmt: skip
        self.assertEqual(cost(), small)

    def test_a_kept_page_whose_sidebar_lists_a_section_follows_that_section(self):
        """The whole page is kept too: it must not name yesterday's latest."""
        culture, world = self.paper["culture"], self.paper["world"]
        self.place(sidebar=[widget("section", section=culture.pk, count=2)])
        # A tag's page: an untagged story changes nothing else on it.
        url = Tag.objects.get(name="روسيا").get_absolute_url()
        self.assertEqual(self.client.get(url)["X-Cache"], "MISS")
        self.assertEqual(self.client.get(url)["X-Cache"], "HIT")
        # A story in another section leaves the page kept: the sidebar is the same.
        with self.captureOnCommitCallbacks(execute=True):
            create_article(world, "خبر في العالم", slug="في-العالم")
        self.assertEqual(self.client.get(url)["X-Cache"], "HIT")
        with self.captureOnCommitCallbacks(execute=True):
            create_article(culture, "خبر ثقافي جديد", slug="ثقافي-جديد")
        response = self.client.get(url)
        self.assertEqual(response["X-Cache"], "MISS")
        self.assertIn("خبر ثقافي جديد", response.content.decode())
