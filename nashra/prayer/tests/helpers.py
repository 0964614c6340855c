from django.test import TestCase
from wagtail.models import Site

from nashra.core.tests.factories import build_newspaper
from nashra.prayer.models import PrayerCity, PrayerTimesSettings
from nashra.theme.models import ThemeOptions

CAIRO = {
    "name": "القاهرة",
    "latitude": "30.04440",
    "longitude": "31.23570",
    "time_zone": "Africa/Cairo",
    "method": "egyptian",
    "asr": "shafi",
}
MAKKAH = {
    "name": "مكة المكرمة",
    "latitude": "21.42250",
    "longitude": "39.82620",
    "time_zone": "Asia/Riyadh",
    "method": "umm_al_qura",
    "asr": "shafi",
}


class PrayerTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=2)
        cls.site = Site.objects.get(is_default_site=True)
        cls.article = cls.paper["articles"][0]

    def choose(self, *cities, show_widget=True):
        settings = PrayerTimesSettings.for_site(self.site)
        settings.show_widget = show_widget
        settings.cities = [PrayerCity(**city) for city in cities]
        with self.captureOnCommitCallbacks(execute=True):
            settings.save()
        return settings

    def digits(self, style):
        options = ThemeOptions.for_site(self.site)
        options.digits = style
        with self.captureOnCommitCallbacks(execute=True):
            options.save()
