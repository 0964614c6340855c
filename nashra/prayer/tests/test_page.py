"""The reader page of the day's prayer times (#18)."""

from datetime import date, datetime
from unittest import mock
from zoneinfo import ZoneInfo

from nashra.prayer import timetable
from nashra.prayer.tests.helpers import CAIRO, MAKKAH, PrayerTestCase

# 10 August 2025 at 09:00 in Cairo; Makkah is an hour ahead.
MORNING = datetime(2025, 8, 10, 9, 0, tzinfo=ZoneInfo("Africa/Cairo"))


class PrayerPageTests(PrayerTestCase):
    def get(self):
        with mock.patch.object(timetable, "_now", return_value=MORNING):
            response = self.client.get("/prayer-times/")
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_the_page_lists_every_city_in_arabic_right_to_left(self):
        self.choose(CAIRO, MAKKAH)
        html = self.get()
        self.assertIn('lang="ar" dir="rtl"', html)
        self.assertIn('<h1 class="prayer__heading">مواقيت الصلاة</h1>', html)
        self.assertLess(html.index("القاهرة"), html.index("مكة المكرمة"))
        # Cairo on 10 August 2025, as the Egyptian survey printed it.
        for name, time in [("الفجر", "4:44 ص"), ("الشروق", "6:19 ص"),
                           ("الظهر", "1:00 م"), ("العصر", "4:37 م"),
                           ("المغرب", "7:41 م"), ("العشاء", "9:05 م")]:  # fmt: skip
            self.assertIn(f'<th scope="row">{name}</th><td><time>{time}</time>', html)
        self.assertIn("الهيئة المصرية العامة للمساحة", html)
        self.assertIn("أم القرى", html)
        self.assertIn("الأحد 10 أغسطس 2025", html)

    def test_times_follow_the_site_digits(self):
        self.choose(CAIRO)
        self.digits("arabic")
        html = self.get()
        self.assertIn("<time>٤:٤٤ ص</time>", html)
        self.assertNotIn("<time>4:44", html)

    def test_a_site_without_cities_says_so(self):
        html = self.get()
        self.assertIn("لم يختر الموقع أي مدينة بعد.", html)

    def test_each_city_has_its_own_local_date(self):
        """At 23:30 in Cairo (winter time, UTC+2) it is tomorrow in Makkah."""
        self.choose(CAIRO, MAKKAH)
        late = datetime(2025, 3, 21, 23, 30, tzinfo=ZoneInfo("Africa/Cairo"))
        with mock.patch.object(timetable, "_now", return_value=late):
            days = {d.city.name: d.day for d in timetable.for_site(self.site)[1]}
        self.assertEqual(days, {"القاهرة": date(2025, 3, 21),
                                "مكة المكرمة": date(2025, 3, 22)})  # fmt: skip

    def test_only_get(self):
        self.assertEqual(self.client.post("/prayer-times/").status_code, 405)
