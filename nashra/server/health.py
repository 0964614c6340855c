"""``/healthz`` and ``/readyz`` for a load balancer or an orchestrator (#17).

``/healthz`` says the process answers: nothing is read, so a stuck database
does not get a healthy process restarted. ``/readyz`` runs every readiness
check (the database, storage, scheduled publishing, the cache and whatever
the apps registered) and answers 200 "ok" or 503 "failing". The public sees
only that word; the details (which check, what failed, timings) need the
metrics token (``Authorization: Bearer $NASHRA_METRICS_TOKEN``).

A middleware, first after SecurityMiddleware, so neither answer depends on
the page cache, sessions or the Wagtail Site lookup (a query: with the
database down that was a 500, not a "failing"). Never cached anywhere.

Redis is reported but not required: the site serves without it (#17), and a
shared Redis failing must not take every instance out of the balancer.
"""

import hmac
import json
import logging
import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from wagtail.models import Page, Revision

from nashra.core import readiness, shared
from nashra.core.cache import guarded

logger = logging.getLogger(__name__)
PATHS = ("/healthz", "/readyz")
METRICS_PATH = "/metrics"


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return connection.vendor


def check_storage():
    """Write and delete a small file: a full or read-only disk fails here."""
    name = default_storage.save(f"health/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    default_storage.delete(name)
    return default_storage.__class__.__name__


def check_cache():
    if not settings.REDIS_URL:
        return "local memory"
    if not guarded(lambda: shared.client().ping(), False):
        raise readiness.NotReady("Redis unreachable: pages render without the cache")
    return "redis"


def check_scheduler():
    """Publication and expiry overdue by more than a few intervals: the
    scheduler thread is not running (or not keeping up)."""
    allowed = timedelta(seconds=3 * settings.SCHEDULER_INTERVAL + 60)
    lag = scheduler_lag()
    if lag > allowed:
        raise readiness.NotReady(
            f"scheduled publishing {int(lag.total_seconds())} s late"
        )
    return f"lag {int(lag.total_seconds())} s"


def scheduler_lag():
    """How long the most overdue publication or expiry has waited."""
    now = timezone.now()
    due = [
        Revision.objects.filter(approved_go_live_at__lt=now)
        .order_by("approved_go_live_at")
        .values_list("approved_go_live_at", flat=True)
        .first(),
        Page.objects.filter(live=True, expire_at__lt=now)
        .order_by("expire_at")
        .values_list("expire_at", flat=True)
        .first(),
    ]
    oldest = min((moment for moment in due if moment is not None), default=None)
    return (now - oldest) if oldest is not None else timedelta(0)


def register_checks():
    readiness.register("database", check_database)
    readiness.register("storage", check_storage)
    readiness.register("scheduler", check_scheduler)
    readiness.register("cache", check_cache, required=False)


def run_checks():
    """({name: {"ok", "detail", "ms", "required"}}, every required one ok)."""
    results, ready = {}, True
    for check in readiness.registered():
        started = time.perf_counter()
        try:
            detail, ok = str(check.run()), True
        except readiness.NotReady as problem:
            detail, ok = str(problem), False
        # A readiness probe reports any failure; it must never raise one.
        except Exception as error:  # noqa: BLE001
            detail, ok = f"{error.__class__.__name__}: {error}", False
            logger.warning("readiness check %s failed: %s", check.name, detail)
        results[check.name] = {
            "ok": ok,
            "detail": detail[:300],
            "ms": round((time.perf_counter() - started) * 1000, 1),
            "required": check.required,
        }
        ready = ready and (ok or not check.required)
    return results, ready


def may_see_details(request, query=False):
    """The metrics token as ``Authorization: Bearer``, or (for /metrics, as
    some scrapers can only send a URL) as ``?token=``."""
    token = settings.METRICS_TOKEN
    if not token:
        return False
    given = request.META.get("HTTP_AUTHORIZATION", "")
    if hmac.compare_digest(given.encode(), f"Bearer {token}".encode()):
        return True
    return query and hmac.compare_digest(
        request.GET.get("token", "").encode(), token.encode()
    )


def answer(request):
    if request.path == "/healthz":
        response = HttpResponse("ok\n", content_type="text/plain")
    else:
        results, ready = run_checks()
        status = 200 if ready else 503
        word = "ok" if ready else "failing"
        if may_see_details(request):
            body = json.dumps({"status": word, "checks": results}, indent=1)
            response = HttpResponse(
                body, status=status, content_type="application/json"
            )
        else:
            response = HttpResponse(
                f"{word}\n", status=status, content_type="text/plain"
            )
    add_never_cache_headers(response)
    return response


class HealthMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD"):
            if request.path in PATHS:
                return answer(request)
            if request.path == METRICS_PATH:
                # Without the token, the site's own 404: nothing says it exists.
                if not may_see_details(request, query=True):
                    raise Http404
                from nashra.server.metrics import answer_metrics

                return answer_metrics()
        return self.get_response(request)
