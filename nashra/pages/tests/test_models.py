"""Standard pages: about us, contact, policies (and WordPress pages, #7)."""

from django.test import TestCase
from wagtail.models import Site
from wagtail.test.utils import WagtailPageTestCase

from nashra.home.models import HomePage
from nashra.pages.models import StandardPage
from nashra.sections.models import SectionPage


class StandardPageTests(WagtailPageTestCase, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = Site.objects.get(is_default_site=True).root_page.specific
        cls.page = StandardPage(
            title="من نحن",
            slug="من-نحن",
            body=[{"type": "paragraph", "value": "<p>صحيفة مستقلة</p>"}],
        )
        cls.home.add_child(instance=cls.page)
        cls.page.save_revision().publish()

    def test_renders_title_and_body_in_the_site_layout(self):
        response = self.client.get(self.page.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "من نحن")
        self.assertContains(response, "صحيفة مستقلة")

    def test_lives_under_the_home_page_or_another_page_not_in_sections(self):
        """WordPress page trees nest; news sections stay for articles."""
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(SectionPage, StandardPage)
