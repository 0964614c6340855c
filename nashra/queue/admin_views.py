"""The job list in the Wagtail admin: what waits, what runs, what failed (#14)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from nashra.queue.background import attempts_for, label_for

PERMISSION = "django_tasks_database.view_dbtaskresult"
SHOWN = 100
STATUS_LABELS = {
    TaskResultStatus.FAILED: gettext_lazy("Failed"),
    TaskResultStatus.READY: gettext_lazy("Waiting"),
    TaskResultStatus.RUNNING: gettext_lazy("Running"),
    TaskResultStatus.SUCCESSFUL: gettext_lazy("Done"),
}


def may_see_jobs(user):
    return user.is_active and (user.is_superuser or user.has_perm(PERMISSION))


def _require(request):
    if not may_see_jobs(request.user):
        raise PermissionDenied


def _row(job):
    error = job.traceback.strip().splitlines()[-1] if job.traceback else ""
    return {
        "job": job,
        "label": label_for(job.task_path),
        "status": STATUS_LABELS.get(job.status, job.status),
        "attempts": len(job.worker_ids),
        "allowed": attempts_for(job.task_path),
        "error": error,
        "waits_until": job.run_after if job.run_after.year < 9999 else None,
    }


def jobs(request):
    _require(request)
    status = request.GET.get("status", TaskResultStatus.FAILED)
    if status not in STATUS_LABELS:
        status = TaskResultStatus.FAILED
    totals = dict(
        DBTaskResult.objects.values_list("status").annotate(n=Count("pk")).order_by()
    )
    tabs = [
        {"status": value, "label": label, "count": totals.get(value, 0),
         "current": value == status}
        for value, label in STATUS_LABELS.items()
    ]  # fmt: skip
    found = DBTaskResult.objects.filter(status=status).order_by("-enqueued_at")
    context = {
        "title": _("Background jobs"),
        "tabs": tabs,
        "rows": [_row(job) for job in found[:SHOWN]],
        "status": status,
        "failed": status == TaskResultStatus.FAILED,
    }
    return render(request, "queue/admin/jobs.html", context)


@require_POST
def retry(request, pk):
    """Queue a failed job again, with a fresh count of attempts."""
    _require(request)
    job = get_object_or_404(DBTaskResult, pk=pk, status=TaskResultStatus.FAILED)
    job.status = TaskResultStatus.READY
    job.run_after = timezone.now()
    job.worker_ids = []
    job.save(update_fields=["status", "run_after", "worker_ids"])
    messages.success(request, _("The job is queued again."))
    return redirect("queue_admin:jobs")
