"""Embargoes are honoured with no cron: `nashra serve` publishes on time (#2).

The scheduler runs the jobs the apps register (nashra.core.jobs, #13).
"""

from datetime import timedelta
from unittest import mock

from django.test import TestCase
from django.utils import timezone

from nashra.articles.factories import create_article
from nashra.articles.models import ArticlePage
from nashra.core import jobs
from nashra.core.tests.factories import build_newspaper
from nashra.server import scheduler


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
        self.assertTrue(scheduler.run_due_jobs())
        article = ArticlePage.objects.get(pk=article.pk)
        self.assertTrue(article.live)
        self.assertIsNotNone(article.published_at)
        self.assertContains(self.client.get("/world/"), "خبر تحت الحظر")

    def test_future_article_stays_unpublished(self):
        article = self.schedule(timezone.now() + timedelta(hours=2))
        scheduler.run_due_jobs()
        self.assertFalse(ArticlePage.objects.get(pk=article.pk).live)

    def test_one_process_per_interval_with_a_shared_cache(self):
        self.assertTrue(scheduler.run_due_jobs())
        self.assertFalse(scheduler.run_due_jobs())

    def test_thread_survives_errors_and_stops(self):
        with mock.patch.object(
            scheduler, "run_due_jobs", side_effect=RuntimeError("db down")
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
                "nashra.server.management.commands.serve.start_scheduler"
            ) as start,
            mock.patch("nashra.server.management.commands.serve.call_command") as run,
        ):
            call_command("serve", "127.0.0.1:8999", no_setup=True)
        start.assert_called_once()
        run.assert_called_once_with(
            "runserver", "127.0.0.1:8999", use_reloader=False, use_threading=True
        )


class JobRegistryTests(TestCase):
    def test_each_app_registers_its_own_jobs(self):
        names = [job.name for job in jobs.registered()]
        self.assertEqual(names[0], "publish-scheduled")
        self.assertIn("comments-housekeeping", names)
        self.assertIn("flush-views", names)

    def test_a_failing_job_leaves_the_others_running(self):
        ran = []
        before = dict(jobs._jobs)
        try:
            jobs._jobs.clear()
            jobs.register("broken", mock.Mock(side_effect=RuntimeError("down")))
            jobs.register("after", lambda: ran.append("after"))
            jobs.register("everywhere", lambda: ran.append("all"),
                          once_per_interval=False)  # fmt: skip
            self.assertTrue(scheduler.run_due_jobs())
            # Another process this interval: only the self-guarding job runs.
            self.assertFalse(scheduler.run_due_jobs())
        finally:
            jobs._jobs.clear()
            jobs._jobs.update(before)
        self.assertEqual(ran, ["after", "all", "all"])
