"""Editors choose the cities in the settings; a bad city gets a clear error (#18)."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from nashra.prayer.models import PrayerCity, PrayerTimesSettings
from nashra.prayer.tests.helpers import CAIRO, PrayerTestCase


class PrayerSettingsAdminTests(PrayerTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.editor = get_user_model().objects.create_superuser(
            "editor", "editor@example.com", "secret"
        )

    def setUp(self):
        self.client.force_login(self.editor)
        self.url = reverse(
            "wagtailsettings:edit", args=["prayer", "prayertimessettings", self.site.pk]
        )

    def post(self, *cities):
        data = nested_form_data(
            {"show_widget": "on", "cities": inline_formset(list(cities))}
        )
        return self.client.post(self.url, data)

    def test_the_settings_page_opens(self):
        response = self.client.get(self.url)
        self.assertContains(response, "مواقيت الصلاة")
        self.assertContains(response, "أم القرى")

    def test_a_good_city_is_saved(self):
        response = self.post(CAIRO)
        form = response.context and response.context.get("form")
        self.assertEqual(
            response.status_code,
            302,
            form and (form.errors, form.formsets["cities"].errors),
        )
        settings = PrayerTimesSettings.for_site(self.site)
        self.assertEqual([c.name for c in settings.cities.all()], ["القاهرة"])

    def test_an_unknown_time_zone_is_refused_in_arabic(self):
        response = self.post(CAIRO | {"time_zone": "Cairo"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "منطقة زمنية غير معروفة")
        self.assertFalse(PrayerCity.objects.exists())

    def test_a_place_without_prayer_times_all_year_is_refused(self):
        """Tromsø: the sun does not set in June."""
        tromso = CAIRO | {"name": "ترومسو", "latitude": "69.65000",
                          "longitude": "18.96000", "time_zone": "Europe/Oslo"}  # fmt: skip
        response = self.post(tromso)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "لا يمكن حساب مواقيت الصلاة هنا طوال العام")
        self.assertFalse(PrayerCity.objects.exists())

    def test_latitude_past_the_pole_is_refused(self):
        response = self.post(CAIRO | {"latitude": "95"})
        self.assertEqual(response.status_code, 200)
        self.assertFalse(PrayerCity.objects.exists())
        self.assertContains(response, "90")

    def test_non_numbers_are_refused_without_a_traceback(self):
        response = self.post(CAIRO | {"longitude": "شرق"})
        self.assertEqual(response.status_code, 200)
        self.assertFalse(PrayerCity.objects.exists())
