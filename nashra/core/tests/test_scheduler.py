"""Embargoes are honoured with no cron: `nashra serve` publishes on time (#2)."""

from datetime import timedelta
from unittest import mock

from django.test import TestCase
from django.utils import timezone

from nashra.articles.factories import create_article
from nashra.articles.models import ArticlePage
from nashra.core import scheduler
from nashra.core.tests.factories import build_newspaper


class SchedulerTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=1)

    def schedule(self, when):
        article = create_article(
            self.paper["world"], "خبر تحت الحظر", slug="embargo", publish=False
        )
        article.go_live_at = when
        article.save_revision(approved_go_live_at=when)
        return article

    def test_due_article_goes_live_and_appears_on_the_site(self):
        article = self.schedule(timezone.now() - timedelta(seconds=1))
        self.assertEqual(self.client.get("/world/embargo/").status_code, 404)
        self.assertTrue(scheduler.publish_due_pages())
        article = ArticlePage.objects.get(pk=article.pk)
        self.assertTrue(article.live)
        self.assertIsNotNone(article.published_at)
        self.assertContains(self.client.get("/world/"), "خبر تحت الحظر")

    def test_future_article_stays_unpublished(self):
        article = self.schedule(timezone.now() + timedelta(hours=2))
        scheduler.publish_due_pages()
        self.assertFalse(ArticlePage.objects.get(pk=article.pk).live)

    def test_one_process_per_interval_with_a_shared_cache(self):
        self.assertTrue(scheduler.publish_due_pages())
        self.assertFalse(scheduler.publish_due_pages())

    def test_thread_survives_errors_and_stops(self):
        with mock.patch.object(
            scheduler, "publish_due_pages", side_effect=RuntimeError("db down")
        ):
            thread = scheduler.start_scheduler(interval=0.01)
            thread.stopped.wait(0.05)
            self.assertTrue(thread.is_alive())
            thread.stop()
            thread.join(1)
        self.assertFalse(thread.is_alive())

    def test_serve_starts_the_scheduler(self):
        from django.core.management import call_command

        with (
            mock.patch(
                "nashra.core.management.commands.serve.start_scheduler"
            ) as start,
            mock.patch("nashra.core.management.commands.serve.call_command") as run,
        ):
            call_command("serve", "127.0.0.1:8999", no_setup=True)
        start.assert_called_once()
        run.assert_called_once_with(
            "runserver", "127.0.0.1:8999", use_reloader=False, use_threading=True
        )
