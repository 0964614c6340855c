"""Every widget kind renders in its area, and an empty area leaves no trace (#20)."""

from datetime import date
from unittest import mock

from django.utils import timezone, translation

from nashra.articles.models import DailyViews
from nashra.widgets.tests.helpers import WidgetsTestCase, widget


class WidgetKindTests(WidgetsTestCase):
    def test_no_widgets_no_markup(self):
        self.place()
        for url in ("/", self.article.url, self.paper["world"].url):
            with self.subTest(url=url):
                html = self.html(url)
                self.assertNotIn("widget-area", html)
                self.assertNotIn('class="widget', html)

    def test_an_area_whose_widgets_have_nothing_to_show_leaves_no_markup(self):
        self.place(sidebar=[widget("most_read", count=3, period="day"),
                            widget("custom_html", html="<script>x()</script>")])  # fmt: skip
        self.assertNotIn("widget-area", self.html(self.article.url))

    def test_latest_lists_the_newest_articles_in_order(self):
        self.place(sidebar=[widget("latest", title="الأحدث", count=2)])
        side = self.area(self.html(self.article.url), "sidebar")
        newest = sorted(self.paper["articles"], key=lambda a: a.published_at)[::-1]
        self.assertIn("الأحدث</h2>", side)
        self.assertEqual(side.count("<li>"), 2)
        self.assertLess(side.index(newest[0].title), side.index(newest[1].title))

    def test_a_sections_latest_shows_only_that_section(self):
        culture = self.paper["culture"]
        self.place(footer=[widget("section", section=culture.pk, count=5)])
        foot = self.area(self.html("/"), "footer")
        self.assertIn(f'<a href="{culture.url}">{culture.title}</a>', foot)
        for article in self.paper["articles"]:
            with self.subTest(article=article.title):
                shown = article.title in foot
                self.assertEqual(shown, article.section_id == culture.pk)

    def test_most_read_follows_the_readers_counts(self):
        first, second = self.paper["articles"][:2]
        DailyViews.objects.create(page=second, day=timezone.localdate(), views=9)
        DailyViews.objects.create(page=first, day=timezone.localdate(), views=2)
        self.place(sidebar=[widget("most_read", count=2, period="day")])
        side = self.area(self.html(self.article.url), "sidebar")
        self.assertIn("الأكثر قراءة", side)
        self.assertLess(side.index(second.title), side.index(first.title))

    def test_social_links_are_plain_links_with_the_sites_own_icons(self):
        self.place(footer=[widget("social", links=[
            {"network": "telegram", "url": "https://t.me/nashra"},
            {"network": "x", "url": "https://x.com/nashra"}])])  # fmt: skip
        foot = self.area(self.html("/"), "footer")
        self.assertIn('href="https://t.me/nashra" rel="me noopener"', foot)
        # The site's own icons, inline: no request for them either.
        self.assertEqual(foot.count('<svg class="widget-social__icon"'), 2)
        self.assertNotIn("<img", foot)
        self.assertIn("تابعونا", foot)
        # Nothing from the networks themselves: no script, frame or counter.
        for piece in ("<script", "<iframe", 'src="https://', "count"):
            self.assertNotIn(piece, foot)

    def test_newsletter_sign_up_posts_to_the_newsletters_form(self):
        self.place(sidebar=[widget("newsletter", text="كل صباح")],
                   footer=[widget("newsletter")])  # fmt: skip
        html = self.html(self.article.url)
        side = self.area(html, "sidebar")
        self.assertIn('action="/newsletter/subscribe/"', side)
        self.assertIn('name="homepage"', side)  # the honeypot
        self.assertIn("كل صباح", side)
        # Two forms on one page: their field ids differ.
        self.assertIn('id="id_widget_newsletter_sidebar_1"', html)
        self.assertIn('id="id_widget_newsletter_footer_1"', html)

    def test_custom_html_is_cleaned_on_output(self):
        self.place(sidebar=[widget("custom_html", title="إعلان",
                                   html='<p onclick="x()">مرحبا</p><script>alert(1)</script>')])  # fmt: skip
        side = self.area(self.html(self.article.url), "sidebar")
        self.assertIn("<p>مرحبا</p>", side)
        self.assertNotIn("script", side)
        self.assertNotIn("onclick", side)

    def test_today_shows_the_hijri_and_gregorian_dates(self):
        self.place(footer=[widget("today")])
        with mock.patch(
            "django.utils.timezone.localdate", return_value=date(2026, 12, 3)
        ):
            foot = self.area(self.html("/"), "footer")
        self.assertIn('datetime="2026-12-03"', foot)
        self.assertIn("ديسمبر", foot)
        self.assertIn("widget-today__hijri", foot)
        self.assertIn("هـ", foot)

    def test_english_pages_get_english_headings_from_the_same_templates(self):
        self.place(sidebar=[widget("latest", count=1)])
        with translation.override("en"):
            side = self.area(self.html(self.article.url), "sidebar")
        self.assertIn("Latest news</h2>", side)

    def test_reading_mode_shows_no_widget(self):
        self.place(sidebar=[widget("latest", count=1)], footer=[widget("today")])
        self.assertIn("widget-area", self.html(self.article.url))
        self.assertNotIn("widget-area", self.html(self.article.url + "?reading=1"))
