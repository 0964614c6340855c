"""Security state in the database, not in the cache (#17).

Spent form tokens and flood windows were cache entries: per process without
Redis, so `serve --production` accepted one token once per worker and let
half a flood through; lost with Redis down, or evicted by junk a script
poured into the cache. A row is seen by every worker on every database, and
``add`` is atomic: of two requests racing for one name, one inserts and the
other meets the primary key.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from nashra.core.models import Mark


def add(name, seconds):
    """Set ``name`` for ``seconds``; False when it is already set."""
    now = timezone.now()
    try:
        with transaction.atomic():
            Mark.objects.filter(name=name, expires_at__lte=now).delete()
            Mark.objects.create(name=name, expires_at=now + timedelta(seconds=seconds))
    except IntegrityError:
        return False
    return True


def is_set(name):
    return Mark.objects.filter(name=name, expires_at__gt=timezone.now()).exists()


def purge():
    """Delete expired marks (a scheduled job); returns how many."""
    deleted, _ = Mark.objects.filter(expires_at__lte=timezone.now()).delete()
    return deleted
