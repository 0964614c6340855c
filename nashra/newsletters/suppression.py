"""Bounces and complaints the e-mail service reports suppress the address (#19).

anymail turns each service's tracking webhook (Postmark, SendGrid, Amazon
SES, Mailgun, …) into one ``tracking`` signal with a normalised event type.
A hard bounce, a spam complaint, a rejection for an address the service has
blocked, or an unsubscribe at the service: the address gets no more
editions (Subscriber.suppressed_at), and no confirmation either.
"""

from anymail.signals import EventType, tracking
from django.utils import timezone

from nashra.newsletters.models import Subscriber

SUPPRESSING = {
    EventType.BOUNCED: "bounced",
    EventType.COMPLAINED: "complained",
    EventType.REJECTED: "rejected",
    EventType.UNSUBSCRIBED: "unsubscribed",
}


def suppress(email, reason, *, now=None):
    """Suppress one address; how many rows changed (0 when unknown)."""
    return Subscriber.objects.filter(
        email__iexact=(email or "").strip(), suppressed_at__isnull=True
    ).update(suppressed_at=now or timezone.now(), suppressed_reason=reason[:40])


def on_tracking(sender, event, esp_name, **kwargs):
    reason = SUPPRESSING.get(event.event_type)
    if reason and event.recipient:
        suppress(event.recipient, f"{esp_name}: {reason}")


def connect():
    tracking.connect(on_tracking, dispatch_uid="newsletters-suppression")
