"""Subscribers' personal data: export and erasure on request, like commenters' (#19)."""

from django.db import transaction

from nashra.newsletters.models import Subscriber


def _of_address(email):
    return Subscriber.objects.filter(email__iexact=(email or "").strip())


def export_for_email(email):
    """What is stored for one address, as JSON-ready dicts (GDPR access)."""
    found = []
    for subscriber in _of_address(email).prefetch_related("subscriptions__newsletter"):
        found.append({
            "email": subscriber.email,
            "created_at": subscriber.created_at.isoformat(),
            "confirmed_at": _iso(subscriber.confirmed_at),
            "suppressed_at": _iso(subscriber.suppressed_at),
            "suppressed_reason": subscriber.suppressed_reason,
            "newsletters": [
                {"name": s.newsletter.name, "confirmed_at": _iso(s.confirmed_at)}
                for s in subscriber.subscriptions.all()
            ],
            "editions_sent": subscriber.delivery_set.filter(
                sent_at__isnull=False
            ).count(),
        })  # fmt: skip
    return found


def erase_for_email(email):
    """Delete the address, its subscriptions and its ledger rows; how many
    addresses went."""
    with transaction.atomic():
        found = _of_address(email)
        count = found.count()
        found.delete()
    return count


def _iso(moment):
    return moment.isoformat() if moment else None
