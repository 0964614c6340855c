"""Django's Redis cache, one client per pool, skipped while Redis is down (#8, #17).

Django's RedisCacheClient builds a new redis.Redis around the pool for every
operation, and redis-py fills a table of some 170 response callbacks each
time: about half the CPU of a cache read, a few of which every uncached page
makes. A redis.Redis is safe to share between threads (each command borrows
a connection from the pool), and the pool itself notices a fork, so one
client per pool serves the whole process.

The cache only accelerates: with Redis killed every page answered 500, and
with Redis frozen each request waited 5–10 s first (#17). Connections have
short timeouts (settings.REDIS_TIMEOUT), and the first failure opens a
circuit breaker: for REDIS_RETRY_SECONDS every operation answers at once as
a miss (reads) or a no-op (writes), and pages render from the database. The
page cache's own client (shared.py) shares the breaker: one Redis, one state.

A deletion or a version bump that could not reach Redis is owed, not lost:
the first call after Redis answers again pays it, so an editor's change made
during the outage (a new block-list word, a corrected headline) is not
hidden behind entries cached before it.
"""

import logging
import threading
import time

import redis
from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

logger = logging.getLogger(__name__)

# Down, frozen, restarting, or refusing us: not a bug in the caller.
OUTAGES = (redis.ConnectionError, redis.TimeoutError)


class Breaker:
    """Open for ``REDIS_RETRY_SECONDS`` after a failure; then a single call
    tries Redis again while the others go on without it (half-open)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.tripped = False
        self.open_until = 0.0
        self.debts = {}

    def closed(self):
        return not self.tripped

    def allow(self):
        """True when this call may use Redis."""
        if not self.tripped:
            return True
        now = time.monotonic()
        with self.lock:
            if self.tripped and now >= self.open_until:
                # This call probes; everyone else keeps skipping meanwhile.
                self.open_until = now + settings.REDIS_RETRY_SECONDS
                return True
        return False

    def trip(self, error):
        seconds = settings.REDIS_RETRY_SECONDS
        with self.lock:
            was_tripped, self.tripped = self.tripped, True
            self.open_until = time.monotonic() + seconds
        if not was_tripped:
            logger.warning(
                "Redis unreachable (%s): serving without the cache, retrying in %s s",
                error.__class__.__name__,
                seconds,
            )

    def succeeded(self):
        if self.tripped:
            with self.lock:
                self.tripped, self.open_until = False, 0.0
            logger.warning("Redis answers again: the cache is back in use")

    def owe(self, name, payment):
        with self.lock:
            self.debts[name] = payment

    def settle(self):
        """Pay what the outage left owed; raises (keeping them) if Redis fails."""
        if not self.debts:
            return
        with self.lock:
            debts, self.debts = self.debts, {}
        try:
            for name in list(debts):
                debts[name]()
                del debts[name]
        except OUTAGES:
            with self.lock:
                self.debts = {**debts, **self.debts}
            raise

    def reset(self):
        self.tripped, self.open_until, self.debts = False, 0.0, {}


breaker = Breaker()


def guarded(operation, fallback, *, debt=None):
    """``operation()``, or ``fallback`` while Redis is unreachable. ``debt``
    (name, operation) is an invalidation that must still happen later."""
    if breaker.allow():
        try:
            breaker.settle()
            result = operation()
        except OUTAGES as error:
            breaker.trip(error)
        else:
            breaker.succeeded()
            return result
    if debt is not None:
        breaker.owe(*debt)
    return fallback


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class SharedClientRedisCache(RedisCache):
    """Every operation Nashra uses, each a miss or a no-op while Redis is down.

    ``add`` answers False, so a lock (the scheduler's, the view flush's) is
    not taken by two processes that cannot see each other.
    """

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient

    def get(self, key, default=None, version=None):
        parent = super()
        return guarded(lambda: parent.get(key, default, version), default)

    def get_many(self, keys, version=None):
        parent = super()
        return guarded(lambda: parent.get_many(keys, version), {})

    def has_key(self, key, version=None):
        parent = super()
        return guarded(lambda: parent.has_key(key, version), False)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        parent = super()
        guarded(lambda: parent.set(key, value, timeout, version), None)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        parent = super()
        return guarded(lambda: parent.set_many(data, timeout, version), list(data))

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        parent = super()
        return guarded(lambda: parent.add(key, value, timeout, version), False)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        parent = super()
        return guarded(lambda: parent.touch(key, timeout, version), False)

    def incr(self, key, delta=1, version=None):
        parent = super()
        return guarded(lambda: parent.incr(key, delta, version), 0)

    def delete(self, key, version=None):
        parent = super()
        forget = lambda: parent.delete(key, version)  # noqa: E731
        return guarded(forget, False, debt=(("delete", key, version), forget))

    def delete_many(self, keys, version=None):
        parent = super()
        keys = list(keys)
        forget = lambda: parent.delete_many(keys, version)  # noqa: E731
        guarded(forget, None, debt=(("delete", *keys, version), forget))

    def clear(self):
        parent = super()
        return guarded(parent.clear, False)
