"""The footer widget: small, server-rendered, and free on every page (#18)."""

from unittest import mock

from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from nashra.prayer import timetable
from nashra.prayer.tests.helpers import CAIRO, MAKKAH, PrayerTestCase

NO_WIDGET = (timetable.Configured(), [])


@override_settings(PAGE_CACHE=False)  # count what rendering a page costs
class PrayerWidgetTests(PrayerTestCase):
    def queries(self, url):
        with CaptureQueriesContext(connection) as captured:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return response.content.decode(), [q["sql"] for q in captured]

    def test_the_first_city_shows_in_the_footer_of_every_page(self):
        self.choose(CAIRO, MAKKAH)
        for url in ("/", self.article.url, self.paper["world"].url):
            html, _ = self.queries(url)
            footer = html[html.index('<footer class="site-footer">') :]
            self.assertIn("مواقيت الصلاة في القاهرة", footer, url)
            self.assertIn('href="/prayer-times/"', footer)
            self.assertIn("<dt>الفجر</dt>", footer)
            self.assertNotIn("مكة المكرمة", footer)

    def test_no_widget_when_the_site_turns_it_off_or_has_no_city(self):
        self.choose(CAIRO, show_widget=False)
        self.assertNotIn("prayer-widget", self.queries("/")[0])
        self.choose()
        self.assertNotIn("prayer-widget", self.queries("/")[0])

    def test_the_widget_costs_no_query_on_a_warm_article_page(self):
        """The N+1 guard's way: warm once, then count. The cities and the
        day's times come from the cache, so the article page with the widget
        costs exactly what it cost before the widget existed."""
        self.choose(CAIRO)
        self.queries(self.article.url)
        html, with_widget = self.queries(self.article.url)
        self.assertIn("prayer-widget", html)
        self.assertFalse([sql for sql in with_widget if "prayer_" in sql])
        # As if the widget did not exist: its tag reads nothing at all.
        with mock.patch.object(timetable, "for_request", return_value=NO_WIDGET):
            self.queries(self.article.url)
            html, without = self.queries(self.article.url)
        self.assertNotIn("prayer-widget", html)
        self.assertEqual(len(with_widget), len(without))

    def test_saving_the_settings_shows_the_change_at_once(self):
        self.choose(CAIRO)
        self.queries("/")
        self.choose(MAKKAH)
        self.assertIn("مواقيت الصلاة في مكة المكرمة", self.queries("/")[0])

    def test_the_widget_loads_nothing_from_elsewhere(self):
        """No script, font or request to a third party: text in the page."""
        self.choose(CAIRO)
        html, _ = self.queries("/")
        widget = html[html.index('<section class="prayer-widget"') :]
        widget = widget[: widget.index("</section>")]
        for needle in ("<script", "<img", "<iframe", "http://", "https://", "style="):
            self.assertNotIn(needle, widget)
