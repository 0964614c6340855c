"""Retries with back-off, and jobs of dead workers run again (#14)."""

from datetime import timedelta
from unittest import mock

from django.core.management import call_command
from django.test import TestCase, override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from nashra.queue import background
from nashra.queue.models import QueueWorker
from nashra.queue.tests import jobs
from nashra.queue.tests.base import (
    FAILED,
    IN_DATABASE,
    READY,
    RUNNING,
    SUCCESSFUL,
    run_due,
)
from nashra.queue.worker import (
    Heartbeat,
    Worker,
    WorkerThread,
    recover_abandoned,
    start_worker_thread,
)


@IN_DATABASE
@override_settings(TASK_BACKOFF=30)
class RetryTests(TestCase):
    def setUp(self):
        jobs.calls.clear()

    def due_now(self):
        DBTaskResult.objects.update(run_after=timezone.now())

    def test_a_failing_job_waits_longer_each_time_then_succeeds(self):
        """A mail server down for two attempts costs two retries, not the mail."""
        jobs.flaky.enqueue(2)
        self.assertEqual(run_due(), 1)
        job = DBTaskResult.objects.get()
        self.assertEqual(job.status, READY)
        first_wait = job.run_after - timezone.now()
        self.assertGreater(first_wait, timedelta(seconds=25))
        self.assertLess(first_wait, timedelta(seconds=34))
        self.assertIn("ConnectionRefusedError: down (1)", job.traceback)
        self.assertEqual(run_due(), 0, "not due before its back-off ends")
        self.due_now()
        before = timezone.now()
        run_due()
        job.refresh_from_db()
        self.assertEqual(job.status, READY)
        self.assertGreater(job.run_after - before, timedelta(seconds=55))
        self.due_now()
        run_due()
        job.refresh_from_db()
        self.assertEqual(job.status, SUCCESSFUL)
        self.assertEqual(job.return_value, 3)
        self.assertEqual(len(job.worker_ids), 3)

    def test_a_job_out_of_attempts_is_failed_with_its_traceback(self):
        jobs.flaky.enqueue(10)
        for _ in range(3):
            self.due_now()
            run_due()
        job = DBTaskResult.objects.get()
        self.assertEqual(job.status, FAILED)
        self.assertEqual(job.exception_class_path, "builtins.ConnectionRefusedError")
        self.assertIn("down (3)", job.traceback)
        self.assertEqual(jobs.calls, [10, 10, 10])

    def test_back_off_doubles_up_to_an_hour(self):
        with mock.patch.object(background.random, "random", return_value=0):
            waits = [background.backoff(n).total_seconds() for n in (1, 2, 3, 12)]
        self.assertEqual(waits, [30, 60, 120, 3600])

    def test_a_job_from_another_app_gets_the_default_attempts(self):
        self.assertEqual(background.attempts_for("wagtail.tasks.x"), 5)
        self.assertEqual(background.attempts_for(jobs.flaky.module_path), 3)


@IN_DATABASE
@override_settings(TASK_HEARTBEAT=10)
class RecoveryTests(TestCase):
    def running_job(self, worker_id, started_ago):
        jobs.slow_write.enqueue("/nonexistent")
        job = DBTaskResult.objects.latest("enqueued_at")
        job.claim(worker_id)
        DBTaskResult.objects.filter(pk=job.pk).update(
            started_at=timezone.now() - timedelta(seconds=started_ago)
        )
        return job

    def test_a_job_whose_worker_stopped_beating_is_queued_again(self):
        dead = self.running_job("host:1:dead", started_ago=120)
        QueueWorker.objects.create(
            worker_id="host:1:dead", host="host", pid=1,
            seen_at=timezone.now() - timedelta(seconds=31),
        )  # fmt: skip
        alive = self.running_job("host:2:alive", started_ago=120)
        QueueWorker.objects.create(
            worker_id="host:2:alive", host="host", pid=2, seen_at=timezone.now()
        )
        just_claimed = self.running_job("host:3:new", started_ago=1)
        self.assertEqual(recover_abandoned(), 1)
        status = dict(DBTaskResult.objects.values_list("pk", "status"))
        self.assertEqual(status[dead.pk], READY)
        self.assertEqual(status[alive.pk], RUNNING)
        self.assertEqual(status[just_claimed.pk], RUNNING)
        self.assertFalse(QueueWorker.objects.filter(worker_id="host:1:dead").exists())

    def test_a_heartbeat_records_its_worker_and_forgets_it_on_stop(self):
        worker = Worker(interval=0)
        beat = Heartbeat(worker.worker_id)
        beat.beat()
        row = QueueWorker.objects.get()
        self.assertEqual(row.worker_id, worker.worker_id)
        beat.stopped.set()
        beat.stop()
        self.assertFalse(QueueWorker.objects.exists())


class InProcessWorkerTests(TestCase):
    def test_serve_starts_a_worker_beside_the_scheduler(self):
        serve = "nashra.server.management.commands.serve"
        with (
            mock.patch(f"{serve}.start_scheduler"),
            mock.patch(f"{serve}.start_worker_thread") as worker,
            mock.patch(f"{serve}.call_command"),
        ):
            call_command("serve", "127.0.0.1:8999", no_setup=True)
        worker.assert_called_once_with()

    @IN_DATABASE
    def test_the_thread_runs_jobs_and_stops(self):
        def run_once(worker):
            worker.running = False

        with mock.patch.object(
            Worker, "run", autospec=True, side_effect=run_once
        ) as run:
            thread = start_worker_thread(interval=0)
            thread.join(5)
        self.assertFalse(thread.is_alive())
        self.assertIsInstance(thread, WorkerThread)
        run.assert_called()

    @IN_DATABASE
    @override_settings(TASK_WORKER_IN_PROCESS=False)
    def test_none_when_the_site_runs_nashra_worker(self):
        self.assertIsNone(start_worker_thread())

    def test_none_when_jobs_run_at_once(self):
        """The test settings run jobs immediately: no queue to work on."""
        self.assertIsNone(start_worker_thread())
