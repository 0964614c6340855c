"""Dates on cards and articles: time of day, and the relative time the theme
script writes at reading (#14)."""

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.template import Context, Template
from django.test import RequestFactory, SimpleTestCase, TestCase
from django.utils import timezone, translation

from nashra.text import dates

READING_JS = Path(__file__).parents[2] / "theme" / "static" / "theme" / "reading.js"


def render(value, css_class=""):
    template = Template("{% load nashra_tags %}{% news_time value css %}")
    request = RequestFactory().get("/")
    return template.render(
        Context({"value": value, "css": css_class, "request": request})
    )


class NewsTimeTests(TestCase):
    def test_absolute_date_and_time_of_day_in_a_time_element(self):
        """The server never writes "منذ …": a cached copy would go stale."""
        moment = datetime(2024, 6, 18, 8, 35, tzinfo=UTC)  # 14:05 in Kolkata
        html = render(moment, "card__date")
        self.assertIn('class="card__date"', html)
        self.assertIn('datetime="2024-06-18T14:05:00+05:30"', html)
        self.assertIn("data-relative", html)
        self.assertIn('data-digits="western"', html)
        self.assertIn("الثلاثاء 18 يونيو 2024، الساعة 14:05", html)
        self.assertNotIn("منذ", render(timezone.now() - timedelta(minutes=5)))

    def test_nothing_for_no_date(self):
        self.assertEqual(render(None), "")

    def test_english_pages_keep_western_digits(self):
        with translation.override("en"):
            html = render(datetime(2024, 6, 18, 8, 35, tzinfo=UTC))
        self.assertIn('data-digits="western"', html)


class ScriptFormsTests(SimpleTestCase):
    """The script's Arabic forms are nashra.text.dates' forms, word for word."""

    def test_unit_forms_match(self):
        source = READING_JS.read_text()
        block = re.search(r"const UNIT_FORMS = \{(.*?)\n\};", source, re.S).group(1)
        for unit in ("minute", "hour"):
            line = re.search(rf"{unit}: \{{(.*?)\}}", block).group(1)
            forms = dict(re.findall(r'(\w+): "([^"]+)"', line))
            expected = dict(dates.UNIT_FORMS[unit])
            self.assertEqual(forms, expected, unit)
        self.assertIn(f'const JUST_NOW = "{dates.JUST_NOW}";', source)
