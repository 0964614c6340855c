"""/metrics: behind the token, counting what happens, never cached (#17)."""

import re

from django.test import TestCase, override_settings

from nashra.comments.models import Comment, Status
from nashra.core.tests.factories import build_newspaper

TOKEN = "metrics-token-for-tests-9c1e"
BEARER = {"HTTP_AUTHORIZATION": f"Bearer {TOKEN}"}


def value(text, name, **labels):
    """The sample ``name{labels}`` in an exposition, 0 when absent."""
    wanted = ",".join(f'{key}="{label}"' for key, label in sorted(labels.items()))
    pattern = re.escape(name + (f"{{{wanted}}}" if labels else "")) + r" (\S+)"
    found = re.search(r"^" + pattern + "$", text, re.MULTILINE)
    return float(found.group(1)) if found else 0.0


@override_settings(METRICS_TOKEN=TOKEN)
class MetricsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=1)
        cls.article = cls.paper["articles"][0]

    def scrape(self):
        response = self.client.get("/metrics", **BEARER)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_the_token_is_required(self):
        self.assertEqual(self.client.get("/metrics").status_code, 404)
        wrong = self.client.get("/metrics", HTTP_AUTHORIZATION="Bearer guess")
        self.assertEqual(wrong.status_code, 404)
        self.assertEqual(self.client.get("/metrics?token=guess").status_code, 404)
        self.assertEqual(self.client.get(f"/metrics?token={TOKEN}").status_code, 200)

    @override_settings(METRICS_TOKEN="")
    def test_no_token_configured_is_a_404_for_everyone(self):
        self.assertEqual(self.client.get("/metrics", **BEARER).status_code, 404)
        self.assertEqual(self.client.get("/metrics?token=").status_code, 404)

    def test_never_cached(self):
        first = self.client.get("/metrics", **BEARER)
        self.assertIn("no-store", first["Cache-Control"])
        self.assertNotIn("X-Cache", first)
        second = self.client.get("/metrics", **BEARER)
        self.assertNotIn("X-Cache", second)
        self.assertNotEqual(first.content, second.content)

    def test_requests_cache_results_and_latency_change_after_requests(self):
        url = self.article.url
        before = self.scrape()
        self.assertEqual(self.client.get(url)["X-Cache"], "MISS")
        self.assertEqual(self.client.get(url)["X-Cache"], "HIT")
        self.client.get("/")
        after = self.scrape()
        for name, labels, grew in [
            ("nashra_requests_total", {"kind": "article", "status": "2xx"}, 2),
            ("nashra_request_seconds_count", {"kind": "article"}, 2),
            ("nashra_requests_total", {"kind": "home", "status": "2xx"}, 1),
            ("nashra_page_cache_total", {"result": "hit"}, 1),
        ]:
            self.assertEqual(
                value(after, name, **labels) - value(before, name, **labels),
                grew,
                (name, labels),
            )
        self.assertGreaterEqual(
            value(after, "nashra_page_cache_total", result="miss")
            - value(before, "nashra_page_cache_total", result="miss"),
            1,
        )

    def test_search_latency(self):
        before = value(self.scrape(), "nashra_search_seconds_count", endpoint="page")
        self.client.get("/search/?q=روسيا")
        after = value(self.scrape(), "nashra_search_seconds_count", endpoint="page")
        self.assertEqual(after - before, 1)

    def test_what_the_database_knows(self):
        text = self.scrape()
        self.assertEqual(value(text, "nashra_comments_pending"), 0)
        self.assertEqual(value(text, "nashra_tasks", status="FAILED"), 0)
        self.assertIn("nashra_scheduled_publishing_lag_seconds 0.0", text)
        Comment.objects.create(
            article=self.article, name="ن", email="n@example.com", body="ت",
            status=Status.PENDING,
        )  # fmt: skip
        self.assertEqual(value(self.scrape(), "nashra_comments_pending"), 1)

    @override_settings(METRICS=False)
    def test_switched_off_counts_nothing(self):
        before = value(
            self.scrape(), "nashra_requests_total", kind="home", status="2xx"
        )
        self.client.get("/")
        after = value(self.scrape(), "nashra_requests_total", kind="home", status="2xx")
        self.assertEqual(after, before)
