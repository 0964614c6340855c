"""``/metrics`` in Prometheus's text format, behind NASHRA_METRICS_TOKEN (#17).

Counted where they happen (nashra/core/metrics.py): requests and latency by
page kind, page-cache hits and misses, search latency. Read from the
database at each scrape: scheduled-publishing lag, the task queue by status
(waiting, running, failed) and comments awaiting moderation.

Under ``serve --production`` every gunicorn worker writes its counts to
files in PROMETHEUS_MULTIPROC_DIR and this adds them up, so any worker gives
the whole site's figures. Without the token (or with a wrong one) the path
is an ordinary 404 (health.py); the answer is never cached.
"""

import os

from django.db.models import Count
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily

from nashra.comments.models import Comment, Status
from nashra.core import metrics
from nashra.queue.worker import queue_is_in_database

TASK_STATUSES = ("READY", "RUNNING", "FAILED")


class DatabaseCollector:
    def collect(self):
        from nashra.server.health import scheduler_lag

        yield GaugeMetricFamily(
            "nashra_scheduled_publishing_lag_seconds",
            "How long the most overdue scheduled publication or expiry has waited.",
            value=scheduler_lag().total_seconds(),
        )
        yield GaugeMetricFamily(
            "nashra_comments_pending",
            "Comments awaiting moderation.",
            value=Comment.objects.filter(status=Status.PENDING).count(),
        )
        if queue_is_in_database():
            from django_tasks_db.models import DBTaskResult

            counts = dict(
                DBTaskResult.objects.filter(status__in=TASK_STATUSES)
                .values_list("status")
                .annotate(n=Count("id"))
                .values_list("status", "n")
            )
            tasks = GaugeMetricFamily(
                "nashra_tasks",
                "Jobs in the task queue by status: READY (waiting), RUNNING, FAILED.",
                labels=["status"],
            )
            for status in TASK_STATUSES:
                tasks.add_metric([status], counts.get(status, 0))
            yield tasks


def exposition():
    # This worker's own last second, not yet handed over (core/metrics.py).
    metrics.flush()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        counted = CollectorRegistry()
        multiprocess.MultiProcessCollector(counted)
    else:
        counted = REGISTRY
    read = CollectorRegistry()
    read.register(DatabaseCollector())
    return generate_latest(counted) + generate_latest(read)


def answer_metrics():
    response = HttpResponse(exposition(), content_type=CONTENT_TYPE_LATEST)
    add_never_cache_headers(response)
    return response
