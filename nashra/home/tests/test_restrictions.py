"""The home page skips Wagtail's restriction queries while the site has no
private page, and still asks for a login once it is private (#8)."""

from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from nashra.core.tests.factories import build_newspaper
from nashra.home.models import HomePage


@override_settings(PAGE_CACHE=False)
class HomeRestrictionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_newspaper(articles_per_section=2)

    def test_home_without_restrictions_asks_for_none(self):
        self.client.get("/")  # warm the shared fragments
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(self.client.get("/").status_code, 200)
        sql = " ".join(query["sql"] for query in queries.captured_queries)
        self.assertNotIn("pageviewrestriction", sql)

    def test_a_private_home_still_asks_readers_to_log_in(self):
        home = HomePage.objects.get()
        PageViewRestriction.objects.create(page=home, restriction_type="login")
        response = self.client.get("/")
        self.assertEqual(response.status_code, 302)
        self.assertIn("login", response["Location"])
