"""Subscribing: the comments' defences, then a confirmation and nothing else (#19).

Double opt-in: a new subscription is stored unconfirmed and the only message
it gets is the confirmation link. The reader sees the same answer whatever
happened (stored, already subscribed, blocked, suppressed), so the form
tells nobody which addresses are on a list. One confirmation per address
per CONFIRM_EVERY seconds, so the form cannot be used to flood a stranger's
inbox.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from nashra.comments import rules
from nashra.comments.privacy import short_hash
from nashra.core import marks
from nashra.newsletters.models import NewsletterList, Subscriber, Subscription
from nashra.newsletters.tokens import confirm_token

CONFIRM_EVERY = 10 * 60  # seconds


class TooFast(Exception):
    """The same reader or address again within the comments' flood window."""


def offered(list_ids=None):
    """The active lists among ``list_ids``, or those on the article form."""
    lists = NewsletterList.objects.filter(active=True)
    if list_ids:
        return list(lists.filter(pk__in=list_ids))
    return list(lists.filter(on_articles=True))


def _flood(key, seconds):
    return seconds and not marks.add(f"newsletters:flood:{key}", seconds)


def subscribe(email, newsletters, *, ip, options):
    """Store unconfirmed subscriptions and queue the confirmation; True when
    a confirmation was queued. Raises TooFast."""
    seconds = options.flood_seconds
    if _flood(f"ip:{short_hash(ip or '')}", seconds) or _flood(
        f"email:{short_hash(email)}", seconds
    ):
        raise TooFast
    if rules.first_match(
        rules.parse_list(options.block_list), email=email, ip=ip or ""
    ):
        return False
    subscriber = _subscriber(email)
    if subscriber.suppressed_at is not None or not newsletters:
        return False
    confirmed = set(
        subscriber.subscriptions.filter(confirmed_at__isnull=False).values_list(
            "newsletter_id", flat=True
        )
    )
    wanted = [n for n in newsletters if n.pk not in confirmed]
    if not wanted:
        return False
    for newsletter in wanted:
        Subscription.objects.get_or_create(subscriber=subscriber, newsletter=newsletter)
    if not marks.add(f"newsletters:confirm:{short_hash(email)}", CONFIRM_EVERY):
        return False
    send_confirmation(subscriber, wanted)
    return True


def _subscriber(email):
    try:
        with transaction.atomic():
            return Subscriber.objects.get_or_create(email=email)[0]
    except IntegrityError:  # two forms at once: the other one made the row
        return Subscriber.objects.get(email=email)


def send_confirmation(subscriber, newsletters):
    """Queue the confirmation message (through the task queue, #14)."""
    token = confirm_token(subscriber.pk, [n.pk for n in newsletters])
    context = {
        "link": settings.BASE_URL + reverse("newsletters:confirm", args=[token]),
        "newsletters": newsletters,
        "hours": 7 * 24,
        "now": timezone.now(),
    }
    message = EmailMultiAlternatives(
        subject=_("Please confirm your subscription"),
        body=render_to_string("newsletters/email/confirm.txt", context),
        to=[subscriber.email],
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.send()
