"""Sending a breaking notification through the task queue, in batches (#19).

``prepare`` cuts the matching subscriptions (breaking news, or the article's
section) into id ranges and queues one ``send_batch`` per range. Each push
is encrypted for its browser (aes128gcm, RFC 8291) and signed with the
site's VAPID key (RFC 8292) by pywebpush. A push service that answers 404 or
410 says the browser unsubscribed: its subscription is removed.
"""

import json
import logging

import requests
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from pywebpush import WebPushException, webpush

from nashra.push.keys import vapid
from nashra.push.models import PushAlert, PushSubscription
from nashra.queue.background import background

logger = logging.getLogger(__name__)
GONE = {404, 410}
# Seconds a push service keeps an undelivered notification: news goes stale.
TTL = 6 * 60 * 60


def recipients(article):
    wanted = Q(breaking=True)
    if article.section_id:
        wanted |= Q(sections=article.section_id)
    return PushSubscription.objects.filter(wanted).distinct()


@background(label=_("Prepare a browser notification"), attempts=5)
def prepare(alert_id):
    alert = PushAlert.objects.select_related("article").get(pk=alert_id)
    ids = list(recipients(alert.article).order_by("id").values_list("id", flat=True))
    size = settings.NASHRA_PUSH_BATCH
    for start in range(0, len(ids), size):
        chunk = ids[start : start + size]
        send_batch.enqueue(alert_id, chunk[0], chunk[-1])
    return {"subscriptions": len(ids)}


def payload(article):
    return json.dumps(
        {"title": article.title, "body": article.search_description or "",
         "url": article.full_url},
        ensure_ascii=False,
    )  # fmt: skip


@background(label=_("Send browser notifications"), attempts=8)
def send_batch(alert_id, first_id, last_id):
    article = PushAlert.objects.select_related("article").get(pk=alert_id).article
    data = payload(article)
    rows = recipients(article).filter(id__gte=first_id, id__lte=last_id)
    outcomes = {"sent": 0, "gone": 0, "failed": 0}
    gone = []
    with requests.Session() as session:
        for row in rows.order_by("id"):
            outcome = _push(row, data, session)
            outcomes[outcome] += 1
            if outcome == "gone":
                gone.append(row.pk)
    PushSubscription.objects.filter(pk__in=gone).delete()
    return outcomes


def _push(row, data, session):
    """Send one notification: "sent", "gone" (the browser left) or "failed".

    A failure is logged and not retried: a retry of the batch would notify
    everyone before it again, and breaking news goes stale within the TTL.
    """
    info = {"endpoint": row.endpoint, "keys": {"p256dh": row.p256dh, "auth": row.auth}}
    try:
        webpush(
            info, data=data, vapid_private_key=vapid(),
            vapid_claims={"sub": settings.VAPID_SUBJECT},
            timeout=settings.NASHRA_PUSH_TIMEOUT, ttl=TTL, requests_session=session,
        )  # fmt: skip
    except WebPushException as error:
        status = getattr(error.response, "status_code", None)
        if status in GONE:
            return "gone"
        logger.warning("push to subscription %s failed: %s", row.pk, status)
        return "failed"
    except requests.RequestException as error:
        logger.warning("push to subscription %s failed: %s", row.pk, error)
        return "failed"
    return "sent"
