"""The options form refuses unreadable colours and keys that do not fit (#4)."""

import base64
import json
from datetime import date, timedelta

from wagtail.admin.panels import get_edit_handler
from wagtail.models import Site

from nashra.theme import licences
from nashra.theme.forms import colour_problem
from nashra.theme.models import ThemeOptions
from nashra.theme.tests.helpers import (
    TEST_PRIVATE_KEY,
    NewspaperTestCase,
    install_test_theme,
)


def form_for(options, **data):
    handler = get_edit_handler(ThemeOptions)
    form_class = handler.get_form_class()
    values = {
        "primary_colour": "#9b1c1c", "accent_colour": "#1d4f91", "typeface": "plex",
        "colour_scheme": "auto", "calendar": "gregorian", "months": "egyptian",
        "digits": "western", "theme": "default", "licence_key": "",
        "back_to_top": "on", "ticker": "on", "reading_progress": "on",
    }  # fmt: skip
    for relation in ("header_links", "footer_links", "social_links"):
        values.update({f"{relation}-TOTAL_FORMS": "0", f"{relation}-INITIAL_FORMS": "0",
                       f"{relation}-MIN_NUM_FORMS": "0", f"{relation}-MAX_NUM_FORMS": "1000"})  # fmt: skip
    values.update(data)
    return form_class(values, instance=options)


def key(domain, expires=None, theme="testtheme"):
    return licences.issue_licence(
        TEST_PRIVATE_KEY, theme=theme, domain=domain,
        expires=expires or date.today() + timedelta(days=365),
    )  # fmt: skip


class ColourTests(NewspaperTestCase):
    def test_light_colour_is_refused_with_the_ratio(self):
        """Yellow text on white fails WCAG AA: readers with low vision lose it."""
        form = form_for(ThemeOptions.for_site(self.site), primary_colour="#ffd400")
        self.assertFalse(form.is_valid())
        message = form.errors["primary_colour"][0]
        self.assertIn("فاتح جدًا", message)
        self.assertIn("4.5:1", message)

    def test_malformed_colour_is_refused(self):
        for value in ("red", "#12345", "#12345g", "javascript:", "#fff;}body{"):
            self.assertIsNotNone(colour_problem(value), value)

    def test_dark_colours_pass_and_are_lowercased(self):
        form = form_for(ThemeOptions.for_site(self.site), accent_colour="#0B5D1E")
        self.assertTrue(form.is_valid(), form.errors)
        self.assertEqual(form.cleaned_data["accent_colour"], "#0b5d1e")


class LicenceFormTests(NewspaperTestCase):
    def setUp(self):
        install_test_theme(self)

    def options(self):
        return ThemeOptions.for_site(self.site)

    def check(self, token, theme="testtheme"):
        form = form_for(self.options(), theme=theme, licence_key=token)
        form.is_valid()
        return form.errors.get("licence_key", [None])[0]

    def test_valid_key_for_this_domain(self):
        self.assertIsNone(self.check(key("localhost")))

    def test_key_with_line_breaks_from_an_e_mail_still_works(self):
        token = key("localhost")
        self.assertIsNone(self.check(f"  {token[:40]}\n{token[40:]}\n"))

    def test_key_for_another_domain(self):
        message = self.check(key("other-paper.example"))
        self.assertIn("other-paper.example", message)
        self.assertIn("localhost", message)
        self.assertIn("يحتاج كل نطاق", message)

    def test_expired_key(self):
        message = self.check(key("localhost", expires=date(2020, 1, 31)))
        self.assertIn("انتهت صلاحية", message)
        self.assertIn("31 يناير 2020", message)

    def test_tampered_key(self):
        """A reader of the token must not be able to move it to their domain."""
        head, payload, signature = key("other.example").split(".")
        claims = json.loads(
            base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
        )
        claims["domain"] = "localhost"
        forged = (
            base64.urlsafe_b64encode(
                json.dumps(claims, sort_keys=True, separators=(",", ":")).encode()
            )
            .rstrip(b"=")
            .decode()
        )
        self.assertIn("لم يوقّعه بائع", self.check(f"{head}.{forged}.{signature}"))

    def test_key_signed_by_another_vendor(self):
        other_private, _ = licences.generate_keypair()
        token = licences.issue_licence(
            other_private, theme="testtheme", domain="localhost",
            expires=date.today() + timedelta(days=30),
        )  # fmt: skip
        self.assertIn("لم يوقّعه بائع", self.check(token))

    def test_malformed_key(self):
        for junk in ("abc", "NASHRA1.", "NASHRA1.!!.??", "x" * 5000, "مفتاح"):
            self.assertIn("ليس مفتاح ترخيص", self.check(junk), junk)

    def test_key_for_another_theme(self):
        self.assertIn("لقالب آخر", self.check(key("localhost", theme="nujum")))

    def test_default_theme_needs_no_key(self):
        self.assertIsNone(self.check("", theme="default"))
        self.assertIsNone(self.check("garbage", theme="default"))

    def test_multi_site_each_domain_checked_against_its_own_hostname(self):
        other = Site.objects.create(
            hostname="gazette.example", port=80, root_page=self.paper["home"]
        )
        other_options = ThemeOptions.for_site(other)
        form = form_for(other_options, theme="testtheme", licence_key=key("localhost"))
        self.assertFalse(form.is_valid())
        self.assertIn("gazette.example", form.errors["licence_key"][0])
        form = form_for(
            other_options, theme="testtheme", licence_key=key("www.gazette.example")
        )
        self.assertTrue(form.is_valid(), form.errors)

    def test_theme_choices_list_installed_themes(self):
        form = form_for(self.options())
        keys = [value for value, _ in form.fields["theme"].choices]
        self.assertEqual(keys, ["default", "testtheme"])
        form = form_for(self.options(), theme="not-installed")
        self.assertFalse(form.is_valid())
