"""The front page: a lead story, the latest news and a block per section (#2)."""

from django.test import TestCase

from nashra.articles.factories import create_article
from nashra.core.tests.factories import build_newspaper


class FrontPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=2)
        cls.lead = create_article(
            cls.paper["culture"], "الخبر الرئيسي اليوم", slug="lead", featured=True,
            featured_image=cls.paper["image"],
        )  # fmt: skip

    def test_lead_latest_and_section_blocks(self):
        html = self.client.get("/").content.decode()
        self.assertIn('class="card card--lead"', html)
        self.assertLess(
            html.index("الخبر الرئيسي اليوم"), html.index(">آخر الأخبار</h2>")
        )
        self.assertIn('href="/world/">أخبار العالم</a></h2>', html)
        self.assertIn("ثقافة وفنون</a></h2>", html)

    def test_lead_story_is_not_repeated_in_the_latest_list(self):
        html = self.client.get("/").content.decode()
        self.assertEqual(html.count("الخبر الرئيسي اليوم"), 1)

    def test_empty_site_says_so(self):
        from nashra.articles.models import ArticlePage

        for article in ArticlePage.objects.all():
            article.unpublish()
        self.assertContains(self.client.get("/"), "لم يُنشر أي مقال بعد.")
