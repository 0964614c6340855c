"""/healthz and /readyz: what a balancer asks, and all the public learns (#17)."""

import json
import unittest
from datetime import timedelta
from unittest import mock

from django.db import OperationalError
from django.test import TestCase, override_settings
from django.utils import timezone

from nashra.core.tests.factories import build_newspaper
from nashra.core.tests.redis_server import AVAILABLE, RedisServer, use_redis

TOKEN = "metrics-token-for-tests-7f3a"
DETAILS = {"HTTP_AUTHORIZATION": f"Bearer {TOKEN}"}


@override_settings(METRICS_TOKEN=TOKEN)
class HealthTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=1)

    def test_healthz_answers_without_touching_the_database(self):
        with self.assertNumQueries(0):
            response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, b"ok\n")
        self.assertIn("no-store", response["Cache-Control"])

    def test_readyz_is_ok_and_says_nothing_more_to_the_public(self):
        response = self.client.get("/readyz")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, b"ok\n")
        self.assertIn("no-store", response["Cache-Control"])
        wrong = self.client.get("/readyz", HTTP_AUTHORIZATION="Bearer guess")
        self.assertEqual(wrong.content, b"ok\n")

    def test_details_with_the_metrics_token(self):
        response = self.client.get("/readyz", **DETAILS)
        found = json.loads(response.content)
        self.assertEqual(found["status"], "ok")
        self.assertEqual(
            set(found["checks"]), {"database", "storage", "scheduler", "cache"}
        )
        self.assertTrue(all(check["ok"] for check in found["checks"].values()))

    @override_settings(METRICS_TOKEN="")
    def test_no_token_configured_means_no_details_for_anyone(self):
        response = self.client.get("/readyz", HTTP_AUTHORIZATION="Bearer ")
        self.assertEqual(response.content, b"ok\n")

    def test_a_failing_database_is_a_503_not_a_500(self):
        with mock.patch(
            "nashra.server.health.check_database",
            side_effect=OperationalError("disk I/O error"),
        ):
            from nashra.server import health

            health.register_checks()
            self.addCleanup(health.register_checks)
            public = self.client.get("/readyz")
            private = self.client.get("/readyz", **DETAILS)
        self.assertEqual(public.status_code, 503)
        self.assertEqual(public.content, b"failing\n")
        self.assertNotIn(b"disk", public.content)
        checks = json.loads(private.content)["checks"]
        self.assertFalse(checks["database"]["ok"])
        self.assertIn("disk I/O error", checks["database"]["detail"])

    def test_a_read_only_media_folder_fails_storage(self):
        with mock.patch(
            "django.core.files.storage.default_storage.save",
            side_effect=PermissionError(13, "Permission denied"),
        ):
            response = self.client.get("/readyz", **DETAILS)
        self.assertEqual(response.status_code, 503)
        self.assertFalse(json.loads(response.content)["checks"]["storage"]["ok"])

    def test_an_overdue_embargo_is_scheduler_lag(self):
        """The scheduler thread died: a story due an hour ago is still unpublished."""
        article = self.paper["articles"][0]
        revision = article.save_revision()
        revision.approved_go_live_at = timezone.now() - timedelta(hours=1)
        revision.save()
        response = self.client.get("/readyz", **DETAILS)
        self.assertEqual(response.status_code, 503)
        scheduler = json.loads(response.content)["checks"]["scheduler"]
        self.assertIn("late", scheduler["detail"])

    def test_never_stored_by_the_page_cache(self):
        self.client.get("/readyz")
        response = self.client.get("/readyz")
        self.assertNotIn("X-Cache", response)


@unittest.skipUnless(AVAILABLE, "needs redis-server")
@override_settings(METRICS_TOKEN=TOKEN)
class ReadyWithoutRedisTests(TestCase):
    def test_redis_down_is_reported_but_the_site_stays_ready(self):
        """Pages render without Redis; a shared Redis down must not take
        every instance out of the balancer."""
        server = RedisServer()
        self.addCleanup(server.stop)
        use_redis(self, server)
        self.assertTrue(json.loads(self.client.get("/readyz", **DETAILS).content)[
            "checks"]["cache"]["ok"])  # fmt: skip
        server.kill()
        response = self.client.get("/readyz", **DETAILS)
        self.assertEqual(response.status_code, 200)
        cache = json.loads(response.content)["checks"]["cache"]
        self.assertFalse(cache["ok"])
