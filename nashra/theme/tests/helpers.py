"""Shared set-up for the theme tests: the test newspaper and its options."""

from pathlib import Path
from types import SimpleNamespace
from unittest import mock

from django.apps import apps
from django.conf import settings
from django.test import TestCase, override_settings
from wagtail.models import Site

from nashra.core.tests.factories import build_newspaper
from nashra.theme.models import ThemeOptions

TEST_PACKAGES = Path(__file__).resolve().parents[3] / "tests" / "theme_packages"
TEST_THEME_APP = "tests.theme_packages.nashra_test_theme"
TEST_PRIVATE_KEY = (TEST_PACKAGES / "TEST_ONLY_vendor_private_key.pem").read_text()


def install_test_theme(case):
    """Make the test theme package look installed for one test.

    Changing INSTALLED_APPS mid-run would re-run every app's ready() (and
    Wagtail's API routers refuse to mount twice), so the registry and the
    template directories are patched instead, as installing the app would.
    """
    from tests.theme_packages.nashra_test_theme.apps import TestThemeConfig

    config = SimpleNamespace(
        label="nashra_test_theme", nashra_theme=TestThemeConfig.nashra_theme
    )
    case.enterContext(
        mock.patch(
            "nashra.theme.registry._app_configs",
            lambda: [*apps.get_app_configs(), config],
        )
    )
    templates = [{**settings.TEMPLATES[0]}]
    templates[0]["DIRS"] = [TEST_PACKAGES / "nashra_test_theme" / "templates"]
    case.enterContext(override_settings(TEMPLATES=templates))


class NewspaperTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=2)
        cls.site = Site.objects.get(is_default_site=True)
        cls.article = cls.paper["articles"][0]

    def set_options(self, **values):
        options = ThemeOptions.for_site(self.site)
        for name, value in values.items():
            setattr(options, name, value)
        with self.captureOnCommitCallbacks(execute=True):
            options.save()
        return options

    def html(self, url="/"):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()
