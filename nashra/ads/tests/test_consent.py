"""The consent banner (#20): only on a site that asks, only on a page whose
slots set cookies, and those slots marked for ads.js to hold back."""

from django.test import TestCase
from wagtail.models import Site

from nashra.ads.models import AdsSettings
from nashra.ads.tests.factories import network
from nashra.core.tests.factories import build_newspaper


class ConsentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=1)
        cls.url = cls.paper["articles"][0].url
        cls.tracker = network("tracker", "header", sets_cookies=True)

    def ask(self, on=True):
        setting, _ = AdsSettings.objects.get_or_create(
            site=Site.objects.get(is_default_site=True)
        )
        setting.consent_banner = on
        setting.save()

    def html(self, url=None):
        return self.client.get(url or self.url).content.decode()

    def test_banner_on_a_site_that_asks(self):
        self.ask()
        html = self.html()
        self.assertIn("data-ad-consent-banner hidden", html)
        self.assertIn('data-ad-slot="tracker" data-ad-consent', html)
        self.assertIn("أوافق", html)

    def test_no_banner_unless_the_site_asks(self):
        html = self.html()
        self.assertNotIn("data-ad-consent-banner", html)

    def test_no_banner_where_no_slot_sets_cookies(self):
        self.ask()
        self.tracker.sets_cookies = False
        self.tracker.save()
        html = self.html()
        self.assertNotIn("data-ad-consent", html)
        self.assertIn('data-ad-slot="tracker"', html)

    def test_reading_the_setting_writes_nothing(self):
        """A reader's GET must not create the settings row (house style)."""
        self.html()
        self.client.get("/ads.txt")
        self.assertFalse(AdsSettings.objects.exists())
