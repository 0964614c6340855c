"""Sending an edition through the task queue, resumable from a ledger (#19).

1. ``start`` moves the edition to SENDING with a conditional update, so two
   clicks (or a click and the scheduler) queue one ``prepare`` job.
2. ``prepare`` writes a Delivery row per confirmed, unsuppressed subscriber
   (the ledger, idempotent: ``ignore_conflicts``), marks the edition
   prepared, then cuts the ledger into Batches. Each Batch row is created in
   the transaction that queues its ``send_batch`` job, so a prepare killed
   and run again by the queue (nashra.queue.worker) never queues a run twice.
3. ``send_batch`` sends the unsent rows of its run over one connection and
   marks each row sent as soon as the server accepted it. Killed, the queue
   runs it again and it carries on from the first unsent row.

A message the server had accepted when the kill came, but whose row was not
yet marked, goes again on resume; it carries the same Message-ID
(render.message_id), so mail clients show it once. Nothing else repeats and
nothing is left out.
"""

import logging
import smtplib

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nashra.newsletters.models import (
    Batch,
    Delivery,
    Edition,
    Status,
    Subscription,
)
from nashra.newsletters.render import message_for, render_edition
from nashra.queue.background import background

logger = logging.getLogger(__name__)


def start(edition):
    """Queue the edition's send; False when it was already started."""
    started = Edition.objects.filter(
        pk=edition.pk, status__in=[Status.DRAFT, Status.SCHEDULED]
    ).update(status=Status.SENDING)
    if started:
        transaction.on_commit(lambda: prepare.enqueue(edition.pk))
    return bool(started)


def start_due(now=None):
    """The scheduler's job: start editions whose send time has come."""
    due = Edition.objects.filter(
        status__in=[Status.DRAFT, Status.SCHEDULED], send_at__lte=now or timezone.now()
    )
    return sum(start(edition) for edition in due)


def recipients(edition):
    return Subscription.objects.filter(
        newsletter_id=edition.newsletter_id,
        confirmed_at__isnull=False,
        subscriber__suppressed_at__isnull=True,
    )


@background(label=_("Prepare a newsletter edition"), attempts=5)
def prepare(edition_id):
    edition = Edition.objects.get(pk=edition_id)
    if not edition.prepared:
        _write_ledger(edition)
        Edition.objects.filter(pk=edition.pk).update(prepared=True)
    _queue_batches(edition)
    _finish_if_done(edition.pk)


def _write_ledger(edition):
    size = settings.NASHRA_NEWSLETTER_BATCH
    after = 0
    while True:
        ids = list(
            recipients(edition).filter(subscriber_id__gt=after)
            .order_by("subscriber_id").values_list("subscriber_id", flat=True)[:size]
        )  # fmt: skip
        if not ids:
            return
        Delivery.objects.bulk_create(
            [Delivery(edition_id=edition.pk, subscriber_id=i) for i in ids],
            ignore_conflicts=True,
        )
        after = ids[-1]


def _queue_batches(edition):
    size = settings.NASHRA_NEWSLETTER_BATCH
    ledger = Delivery.objects.filter(edition_id=edition.pk).order_by("id")
    after, number = 0, 0
    while True:
        ids = list(ledger.filter(id__gt=after).values_list("id", flat=True)[:size])
        if not ids:
            return
        with transaction.atomic():
            batch, made = Batch.objects.get_or_create(
                edition_id=edition.pk, number=number,
                defaults={"first_id": ids[0], "last_id": ids[-1]},
            )  # fmt: skip
            if made:
                send_batch.enqueue(batch.pk)
        after, number = ids[-1], number + 1


@background(label=_("Send a newsletter batch"), attempts=8)
def send_batch(batch_id):
    batch = Batch.objects.select_related("edition__newsletter").get(pk=batch_id)
    edition = batch.edition
    rows = list(
        Delivery.objects.filter(
            edition_id=edition.pk, id__gte=batch.first_id, id__lte=batch.last_id,
            sent_at__isnull=True, skipped=False,
        ).select_related("subscriber").order_by("id")
    )  # fmt: skip
    if rows:
        _send(edition, rows)
    _finish_if_done(edition.pk)
    return {"sent": len(rows)}


def _send(edition, rows):
    # Who left or bounced since the ledger was written is skipped, not sent.
    still = set(
        recipients(edition)
        .filter(subscriber_id__in=[row.subscriber_id for row in rows])
        .values_list("subscriber_id", flat=True)
    )
    gone = [row.pk for row in rows if row.subscriber_id not in still]
    Delivery.objects.filter(pk__in=gone).update(skipped=True)
    rendered = render_edition(edition)
    connection = get_connection(
        settings.EMAIL_DELIVERY_BACKEND, fail_silently=False,
        timeout=settings.EMAIL_TIMEOUT,
    )  # fmt: skip
    with connection:
        for row in rows:
            if row.subscriber_id not in still:
                continue
            message = message_for(
                edition, rendered, row.subscriber_id, row.subscriber.email,
                connection=connection,
            )  # fmt: skip
            try:
                message.send()
            except smtplib.SMTPRecipientsRefused:
                # The server refused this address for good: not a retry.
                Delivery.objects.filter(pk=row.pk).update(skipped=True)
                continue
            Delivery.objects.filter(pk=row.pk).update(sent_at=timezone.now())


def _finish_if_done(edition_id):
    edition = Edition.objects.filter(pk=edition_id, prepared=True)
    unsent = Delivery.objects.filter(
        edition_id=edition_id, sent_at__isnull=True, skipped=False
    )
    if edition.exists() and not unsent.exists():
        Edition.objects.filter(pk=edition_id, status=Status.SENDING).update(
            status=Status.SENT, sent_at=timezone.now()
        )
