"""Running queued jobs: retries with back-off, and no job lost to a kill (#14).

django-tasks-db's worker claims a job (status RUNNING) and runs it. Two
things are added here:

- A job that raises is put back as READY with `run_after` pushed out
  (background.backoff) until its attempts are spent; only then is it FAILED,
  which the admin's job list shows with its traceback.
- Every worker writes a heartbeat row (QueueWorker) every TASK_HEARTBEAT
  seconds from a thread of its own, also while a job runs. A job RUNNING
  under a worker whose heartbeat stopped for three beats (SIGKILL, OOM, a
  gunicorn worker recycled mid-job) is put back as READY by any live worker,
  so it runs again from the start. Jobs therefore run at least once, not
  exactly once: an e-mail sent just before the kill may go twice.
"""

import logging
import os
import socket
import threading
import time
from datetime import timedelta
from traceback import format_exception

from django.conf import settings
from django.db import close_old_connections
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks import TaskContext, TaskResultStatus, task_backends
from django_tasks.signals import task_finished, task_started
from django_tasks_db import DatabaseBackend
from django_tasks_db.management.commands.db_worker import Worker as DatabaseWorker
from django_tasks_db.models import DBTaskResult

from nashra.queue.background import attempts_for, backoff
from nashra.queue.models import QueueWorker

logger = logging.getLogger(__name__)
STALE_BEATS = 3


def queue_is_in_database(alias="default"):
    """True when jobs wait in the database, so a worker of ours has work."""
    return isinstance(task_backends[alias], DatabaseBackend)


def new_worker_id():
    host = socket.gethostname()[:40]
    return f"{host}:{os.getpid()}:{get_random_string(8)}"


def stale_before(now=None):
    beats = timedelta(seconds=settings.TASK_HEARTBEAT * STALE_BEATS)
    return (now or timezone.now()) - beats


def recover_abandoned(now=None):
    """Put the jobs of dead workers back in the queue; how many were."""
    cutoff = stale_before(now)
    alive = set(
        QueueWorker.objects.filter(seen_at__gte=cutoff).values_list(
            "worker_id", flat=True
        )
    )
    QueueWorker.objects.filter(seen_at__lt=cutoff).delete()
    recovered = 0
    running = DBTaskResult.objects.running().filter(started_at__lt=cutoff)
    for job in running.only("id", "worker_ids", "started_at"):
        if job.worker_ids and job.worker_ids[-1] in alive:
            continue
        # Conditional, so two live workers never both requeue one job.
        recovered += DBTaskResult.objects.filter(
            pk=job.pk, status=TaskResultStatus.RUNNING, started_at=job.started_at
        ).update(status=TaskResultStatus.READY)
        logger.warning("job %s lost its worker; queued again", job.pk)
    return recovered


class Heartbeat(threading.Thread):
    """Says every TASK_HEARTBEAT seconds that its worker lives, and recovers
    the jobs of workers that stopped saying so."""

    def __init__(self, worker_id):
        super().__init__(name="nashra-tasks-heartbeat", daemon=True)
        self.worker_id = worker_id
        self.stopped = threading.Event()

    def beat(self):
        host, pid = self.worker_id.split(":")[:2]
        QueueWorker.objects.update_or_create(
            worker_id=self.worker_id,
            defaults={"host": host, "pid": int(pid), "seen_at": timezone.now()},
        )
        recover_abandoned()

    def run(self):
        while not self.stopped.wait(settings.TASK_HEARTBEAT):
            try:
                self.beat()
            # A database hiccup must not stop the beat; the next one retries.
            except Exception:
                logger.exception("task worker heartbeat failed; retrying")
            close_old_connections()

    def stop(self):
        self.stopped.set()
        if self.is_alive():
            self.join(timeout=settings.TASK_HEARTBEAT + 1)
        QueueWorker.objects.filter(worker_id=self.worker_id).delete()


class Worker(DatabaseWorker):
    """django-tasks-db's worker over every queue, with retries and a heartbeat."""

    def __init__(self, *, interval=None, batch=False, max_tasks=None, worker_id=None):
        super().__init__(
            queue_names=["*"],
            interval=settings.TASK_POLL_INTERVAL if interval is None else interval,
            batch=batch,
            backend_name="default",
            startup_delay=False,
            max_tasks=max_tasks,
            worker_id=worker_id or new_worker_id(),
            excluded_queue_names=[],
        )

    def run(self):
        heartbeat = Heartbeat(self.worker_id)
        heartbeat.beat()
        heartbeat.start()
        try:
            super().run()
        finally:
            heartbeat.stop()

    def run_task(self, db_task_result):
        self.running_task = True
        try:
            self._run(db_task_result)
        finally:
            self.running_task = False
            self._run_tasks += 1

    def _run(self, job):
        try:
            task = job.task
            result = job.task_result
            sender = type(task.get_backend())
            task_started.send(sender=sender, task_result=result)
            if task.takes_context:
                value = task.call(
                    TaskContext(task_result=result), *result.args, **result.kwargs
                )
            else:
                value = task.call(*result.args, **result.kwargs)
            job.set_successful(value)
        except (KeyboardInterrupt, SystemExit):
            # Stopped half-way by a second signal: it runs again from the start.
            job.status = TaskResultStatus.READY
            job.save(update_fields=["status"])
            raise
        # Whatever the job raises is its outcome, kept for the admin.
        except Exception as error:  # noqa: BLE001
            self._failed(job, error)
            return
        task_finished.send(sender=sender, task_result=job.task_result)

    def _failed(self, job, error):
        attempt = len(job.worker_ids)
        if attempt < attempts_for(job.task_path):
            wait = backoff(attempt)
            logger.warning(
                "job %s (%s) failed, attempt %d; again in %ds: %r",
                job.pk, job.task_path, attempt, wait.total_seconds(), error,
            )  # fmt: skip
            job.status = TaskResultStatus.READY
            job.run_after = timezone.now() + wait
            job.exception_class_path = (
                f"{type(error).__module__}.{type(error).__qualname__}"
            )
            job.traceback = "".join(format_exception(error))
            job.save(
                update_fields=[
                    "status", "run_after", "exception_class_path", "traceback"
                ]
            )  # fmt: skip
            return
        logger.error("job %s (%s) failed for good: %r", job.pk, job.task_path, error)
        job.set_failed(error)


def run_until_stopped(worker):
    """Run `worker`, restarting it after a crash (the database went away)."""
    while worker.running:
        try:
            worker.run()
        # The worker must outlive a database restart; it starts again.
        except Exception:
            logger.exception("task worker stopped; starting again")
            time.sleep(max(worker.interval, 1))
        finally:
            close_old_connections()


class WorkerThread(threading.Thread):
    """A worker inside the serving process (`nashra serve`)."""

    def __init__(self, interval=None):
        super().__init__(name="nashra-tasks", daemon=True)
        self.worker = Worker(interval=interval)

    def run(self):
        run_until_stopped(self.worker)

    def stop(self):
        self.worker.running = False


def start_worker_thread(interval=None):
    """Start an in-process worker, unless the queue is not in the database
    or the site runs `nashra worker` on its own (NASHRA_IN_PROCESS_WORKER=0)."""
    if not (settings.TASK_WORKER_IN_PROCESS and queue_is_in_database()):
        return None
    thread = WorkerThread(interval)
    thread.start()
    return thread
