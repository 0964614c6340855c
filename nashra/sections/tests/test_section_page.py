"""Section pages: newest first, paginated, and never a 500 on odd query strings."""

from datetime import timedelta
from unittest import mock

from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from nashra.articles.factories import create_article
from nashra.comments import counts
from nashra.comments.models import Comment, Status
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

    @override_settings(PAGE_CACHE=False)
    def test_a_section_without_restrictions_asks_for_none(self):
        """No restriction anywhere (cached): no restriction queries (#8)."""
        self.client.get("/world/")  # warm the shared fragments
        with CaptureQueriesContext(connection) as queries:
            self.client.get("/world/")
        sql = " ".join(query["sql"] for query in queries.captured_queries)
        self.assertNotIn("pageviewrestriction", sql)

    def test_a_restricted_section_still_asks_readers_to_log_in(self):
        PageViewRestriction.objects.create(page=self.section, restriction_type="login")
        response = self.client.get("/world/")
        self.assertEqual(response.status_code, 302)
        self.assertIn("login", response["Location"])

    @override_settings(PAGE_CACHE=False)
    def test_card_counts_come_in_one_cache_round_trip(self):
        """Every card of a listing shows its count; one get_many for all (#8)."""
        articles = list(self.section.articles()[:3])
        for number, article in enumerate(articles, start=1):
            Comment.objects.bulk_create(
                [
                    Comment(
                        article=article,
                        name="قارئ",
                        email="r@example.com",
                        body="تعليق",
                        status=Status.APPROVED,
                    )
                    for _ in range(number)
                ]
            )
            counts.refresh(article.pk)
        get_many = counts.cache.get_many
        with mock.patch.object(counts.cache, "get_many", side_effect=get_many) as reads:
            response = self.client.get("/world/")
        count_reads = [
            call for call in reads.call_args_list if counts.WARM_KEY in call.args[0]
        ]
        self.assertEqual(len(count_reads), 1)
        html = response.content.decode()
        self.assertEqual(html.count('class="card__comments"'), 3)
        for article in articles:
            self.assertIn(f'href="{article.url}#comments"', html)
