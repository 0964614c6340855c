"""The database queue for tests: conftest runs jobs at once, these queue them."""

from django.test import override_settings
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from nashra.queue.worker import Worker

IN_DATABASE = override_settings(
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
)


def run_due(worker=None):
    """Claim and run every due job in this thread, as a worker's loop does
    (without its heartbeat thread, which could not see a TestCase's rows)."""
    worker = worker or Worker(interval=0)
    ran = 0
    while (job := DBTaskResult.objects.ready().first()) is not None:
        job.claim(worker.worker_id)
        worker.run_task(job)
        ran += 1
    return ran


def statuses():
    return list(DBTaskResult.objects.values_list("status", flat=True))


READY, FAILED = TaskResultStatus.READY, TaskResultStatus.FAILED
SUCCESSFUL, RUNNING = TaskResultStatus.SUCCESSFUL, TaskResultStatus.RUNNING
