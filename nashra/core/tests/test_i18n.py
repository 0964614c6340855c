"""Every public string is translated; NASHRA_LANGUAGE=en serves an LTR site (#2)."""

from pathlib import Path

import polib
import pytest
from django.test import TestCase, override_settings
from django.utils import translation

LOCALE = Path(__file__).resolve().parents[2] / "locale"


def test_arabic_catalogue_is_complete():
    """An empty or fuzzy msgstr would show English to Arabic readers."""
    catalogue = polib.pofile(str(LOCALE / "ar" / "LC_MESSAGES" / "django.po"))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []


def test_arabic_plural_forms_has_six_forms():
    catalogue = polib.pofile(str(LOCALE / "ar" / "LC_MESSAGES" / "django.po"))
    assert "nplurals=6" in catalogue.metadata["Plural-Forms"]
    for entry in catalogue:
        if entry.msgid_plural:
            assert len([form for form in entry.msgstr_plural.values() if form]) == 6, (
                entry.msgid
            )


@pytest.mark.parametrize("name", ["ar", "en"])
def test_catalogues_parse(name):
    assert polib.pofile(str(LOCALE / name / "LC_MESSAGES" / "django.po"))


class EnglishSiteTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        from nashra.core.tests.factories import build_newspaper

        cls.paper = build_newspaper(articles_per_section=1)

    @override_settings(LANGUAGE_CODE="en")
    def test_english_site_is_left_to_right(self):
        with translation.override("en"):
            html = self.client.get(
                "/world/", headers={"accept-language": "en"}
            ).content.decode()
        self.assertIn('<html lang="en" dir="ltr"', html)
        self.assertIn("Back to top", html)
        self.assertIn("<bdi>أخبار العالم</bdi>", html)
