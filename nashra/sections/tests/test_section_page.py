"""Section pages: newest first, paginated, and never a 500 on odd query strings."""

from datetime import timedelta

from django.test import TestCase
from django.utils import timezone

from nashra.articles.factories import create_article
from nashra.home.models import HomePage
from nashra.sections.factories import create_section
from nashra.sections.models import ARTICLES_PER_PAGE


class SectionPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = HomePage.objects.get()
        cls.section = create_section(home, "أخبار العالم", "world")
        cls.arabic = create_section(home, "ثقافة وفنون", "ثقافة")
        now = timezone.now()
        for index in range(ARTICLES_PER_PAGE + 3):
            create_article(
                cls.section,
                f"خبر رقم {index}",
                slug=f"khabar-{index}",
                published_at=now - timedelta(hours=index),
            )

    def test_newest_first(self):
        html = self.client.get("/world/").content.decode()
        self.assertLess(
            html.index("خبر رقم <bdi>0</bdi>"), html.index("خبر رقم <bdi>1</bdi>")
        )

    def test_second_page(self):
        response = self.client.get("/world/?page=2")
        self.assertContains(response, f"خبر رقم <bdi>{ARTICLES_PER_PAGE}</bdi>")
        self.assertNotContains(response, "خبر رقم <bdi>0</bdi><")

    def test_odd_query_strings_never_500(self):
        for query in ("?page=abc", "?page=-1", "?page=0", "?page=1e9", "?page=", "?utm_source=x&page=%00",
                      "?page=99999999999999999999", "?page[]=1"):  # fmt: skip
            response = self.client.get(f"/world/{query}")
            self.assertEqual(response.status_code, 200, query)

    def test_page_past_the_end_is_a_404_in_arabic(self):
        response = self.client.get("/world/?page=999999")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "الصفحة غير موجودة", status_code=404)

    def test_arabic_slug_section_and_empty_listing(self):
        response = self.client.get("/ثقافة/")
        self.assertContains(response, "لم يُنشر هنا أي مقال بعد.")

    def test_section_in_menu(self):
        self.assertContains(self.client.get("/world/"), 'aria-current="page"')
