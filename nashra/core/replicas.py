"""PostgreSQL read replicas: readers read from them, everything else from the primary (#16).

DATABASE_REPLICA_URLS adds ``replica1``, ``replica2``… to DATABASES. Only
an anonymous reader's GET or HEAD reads from a replica (page renders, the
API, feeds): staff and anyone with a session, every write, every command and
background job stay on the primary, and so does a client that just wrote
(a comment, a form) for NASHRA_REPLICA_STICKY_SECONDS, by a cookie: nobody's
own edit vanishes behind replication lag.

Two more rules keep the page cache right. A replica may be a moment behind
a publish, and a page rendered from it in that moment would be stored
under the new cache versions: so for ``LAG_ALLOWANCE`` seconds after this
process first sees the invalidation clock move, readers read from the
primary. And a replica that cannot be reached is left alone for
``DOWN_SECONDS``: reads fall back to the primary instead of failing.
"""

import contextvars
import itertools
import logging
import time

from django.conf import settings
from django.db import DatabaseError, connections

from nashra.core import groups, versions

logger = logging.getLogger(__name__)

STICKY_COOKIE = "nashra_primary"
LAG_ALLOWANCE = 3.0
DOWN_SECONDS = 10.0

# The replica this request reads from, chosen once when it starts; None: the primary.
_reader = contextvars.ContextVar("nashra_reader_replica", default=None)
_down_until = {}
_turns = itertools.count()
_clock_seen = {"value": None, "at": 0.0}


def replica_aliases():
    return [alias for alias in settings.DATABASES if alias.startswith("replica")]


def healthy_replica():
    """A reachable replica, in turn, or None."""
    aliases = replica_aliases()
    now = time.monotonic()
    for _ in range(len(aliases)):
        alias = aliases[next(_turns) % len(aliases)]
        if _down_until.get(alias, 0) > now:
            continue
        connection = connections[alias]
        try:
            # A kept connection to a replica that went away is found here,
            # once per request, not by a reader's query failing.
            connection.close_if_unusable_or_obsolete()
            connection.ensure_connection()
        except DatabaseError as error:
            _down_until[alias] = now + DOWN_SECONDS
            logger.warning("replica %s unreachable, reading from the primary: %s",
                           alias, error)  # fmt: skip
            continue
        return alias
    return None


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return _reader.get() or "default"

    def db_for_write(self, model, **hints):
        # Said outright: left to Django, an object read from a replica would
        # be saved back to it.
        return "default"

    def allow_relation(self, first, second, **hints):
        return True

    def allow_migrate(self, db, app_label, **hints):
        return db == "default"


def _clock_settled():
    """Whether the invalidation clock has stood still for LAG_ALLOWANCE s."""
    clock = versions.store().get_many([groups.CLOCK])[groups.CLOCK]
    now = time.monotonic()
    if clock != _clock_seen["value"]:
        _clock_seen.update(value=clock, at=now)
    return now - _clock_seen["at"] >= LAG_ALLOWANCE


def reads_from_replica(request):
    if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or STICKY_COOKIE in cookies:
        return False
    if request.path.startswith("/admin/"):
        return False
    return _clock_settled()


class ReplicaMiddleware:
    """Sits after the page cache: a hit never gets here or reads anything."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.enabled = bool(replica_aliases())

    def __call__(self, request):
        if not self.enabled:
            return self.get_response(request)
        replica = healthy_replica() if reads_from_replica(request) else None
        token = _reader.set(replica)
        try:
            response = self.get_response(request)
        finally:
            _reader.reset(token)
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            response.set_cookie(
                STICKY_COOKIE,
                "1",
                max_age=settings.REPLICA_STICKY_SECONDS,
                httponly=True,
                samesite="Lax",
            )
        return response
