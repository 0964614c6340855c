"""Shared set-up for newsletter tests: lists, confirmed readers, the outbox."""

from django.core import mail
from django.test import override_settings
from django.utils import timezone

from nashra.newsletters.models import Kind, NewsletterList, Subscriber, Subscription

# Editions leave through the delivery backend inside their job (#19).
OUTBOX = override_settings(
    EMAIL_DELIVERY_BACKEND="django.core.mail.backends.locmem.EmailBackend"
)


def make_lists():
    return {
        "morning": NewsletterList.objects.create(name="نشرة الصباح", kind=Kind.DIGEST),
        "breaking": NewsletterList.objects.create(
            name="الأخبار العاجلة", kind=Kind.BREAKING, sort_order=1
        ),
        "culture": NewsletterList.objects.create(
            name="أسبوع الثقافة", kind=Kind.SECTION, on_articles=False, sort_order=2
        ),
    }


def confirmed(email, *newsletters):
    now = timezone.now()
    subscriber = Subscriber.objects.create(email=email, confirmed_at=now)
    for newsletter in newsletters:
        Subscription.objects.create(
            subscriber=subscriber, newsletter=newsletter, confirmed_at=now
        )
    return subscriber


def sent_to():
    return sorted(address for m in mail.outbox for address in m.to)
