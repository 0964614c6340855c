"""Every theme option changes the page readers get, on the next page view (#4)."""

from datetime import datetime
from zoneinfo import ZoneInfo

from nashra.theme.models import FooterLink, HeaderLink, SocialLink, ThemeOptions
from nashra.theme.tests.helpers import NewspaperTestCase


class OptionEffectTests(NewspaperTestCase):
    def test_defaults_before_any_option_is_saved(self):
        html = self.html()
        self.assertIn('data-scheme="auto"', html)
        self.assertIn("--colour-primary:#9b1c1c", html)
        self.assertIn("data-back-to-top", html)
        self.assertFalse(ThemeOptions.objects.exists())

    def test_site_name_overrides_the_sites_setting(self):
        self.set_options(site_name="صحيفة الغد")
        self.assertIn('rel="home">صحيفة الغد</a>', self.html())

    def test_colours_reach_the_stylesheet_with_a_readable_text_colour(self):
        self.set_options(primary_colour="#0b5d1e", accent_colour="#6a1b9a")
        html = self.html()
        self.assertIn("--colour-primary:#0b5d1e", html)
        self.assertIn("--colour-link:#6a1b9a", html)
        self.assertIn("--colour-on-primary:#ffffff", html)

    def test_typeface_changes_the_font_faces(self):
        self.set_options(typeface="amiri")
        html = self.html()
        self.assertIn("font-family:'Amiri'", html)
        self.assertIn("/static/theme/fonts/amiri/Amiri-Regular-arabic.woff2", html)
        self.assertNotIn("NashraSansArabic", html)

    def test_colour_scheme_default(self):
        for scheme in ("light", "dark", "auto"):
            self.set_options(colour_scheme=scheme)
            self.assertIn(f'data-scheme="{scheme}"', self.html())

    def test_back_to_top_can_be_turned_off(self):
        self.set_options(back_to_top=False)
        self.assertNotIn("data-back-to-top", self.html())

    def test_reading_progress_can_be_turned_off(self):
        self.assertIn("data-reading-progress", self.html(self.article.url))
        self.set_options(reading_progress=False)
        self.assertNotIn("data-reading-progress", self.html(self.article.url))

    def test_ticker_can_be_turned_off(self):
        from django.utils import timezone

        from nashra.articles.models import Breaking

        Breaking.objects.create(
            page=self.article, until=timezone.now() + timezone.timedelta(hours=1)
        )
        self.assertIn("data-ticker", self.html())
        self.set_options(ticker=False)
        self.assertNotIn("data-ticker", self.html())

    def test_date_style_months_and_digits_apply_to_bylines_and_cards(self):
        """The reference page writes "سبتمبر/أيلول"; a newsroom picks its style."""
        when = datetime(2024, 6, 18, 10, 0, tzinfo=ZoneInfo("Asia/Kolkata"))
        self.article.published_at = when
        self.article.save_revision().publish()
        self.set_options(calendar="both", months="both", digits="arabic")
        html = self.html(self.article.url)
        self.assertIn(
            "الثلاثاء ١٨ يونيو/حزيران ٢٠٢٤، الموافق ١٢ ذو الحجة ١٤٤٥ هـ", html
        )
        self.set_options(calendar="hijri", months="levantine", digits="western")
        html = self.html(self.article.url)
        self.assertIn("12 ذو الحجة 1445", html)
        self.assertNotIn("١٨", html)

    def test_arabic_digits_reach_the_reading_time(self):
        self.set_options(digits="arabic")
        self.assertNotRegex(self.html(self.article.url), r'byline__reading">[^<]*[0-9]')

    def test_menus_social_links_and_footer_text(self):
        options = ThemeOptions.for_site(self.site)
        options.save()
        HeaderLink.objects.create(options=options, label="من نحن", link_url="/about/")
        HeaderLink.objects.create(options=options, link_page=self.paper["world"])
        FooterLink.objects.create(
            options=options, label="اتصل بنا", link_url="/contact/"
        )
        SocialLink.objects.create(
            options=options, network="telegram", url="https://t.me/nashra"
        )
        self.set_options(footer_text="تصدر عن دار الغد للنشر")
        html = self.html()
        header = html[html.index("site-header") : html.index("</header>")]
        self.assertIn('<a href="/about/">من نحن</a>', header)
        self.assertIn('<a href="/world/">أخبار العالم</a>', header)
        footer = html[html.index('class="site-footer"') :]
        self.assertIn('<a href="/contact/">اتصل بنا</a>', footer)
        self.assertIn('href="https://t.me/nashra"', footer)
        self.assertIn("تصدر عن دار الغد للنشر", footer)


class CacheTests(NewspaperTestCase):
    def test_changes_show_on_the_next_page_view(self):
        """Options are cached in the shared cache; saving must clear the entry,
        or one worker keeps serving yesterday's colours."""
        self.html()  # fills the cache
        self.set_options(primary_colour="#123456")
        self.assertIn("--colour-primary:#123456", self.html())

    def test_cached_options_cost_no_query(self):
        from nashra.theme.options import site_theme

        site_theme(self.site)
        with self.assertNumQueries(0):
            site_theme(self.site)

    def test_other_sites_keep_their_own_options(self):
        from wagtail.models import Site

        from nashra.theme.options import site_theme

        other = Site.objects.create(
            hostname="other.example", root_page=self.paper["home"], site_name="أخرى"
        )
        self.set_options(primary_colour="#123456")
        self.assertEqual(site_theme(other).primary, "#9b1c1c")
        self.assertEqual(site_theme(self.site).primary, "#123456")
