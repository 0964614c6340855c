"""The page cache's own Redis client, one per process (#8).

Django's Redis cache builds a new ``redis.Redis`` object for every
operation; with redis-py 8 that copies ~170 response callbacks each time,
~150 µs, more than the rest of a cache hit. The page cache reads versions on
every hit, so it keeps one client (thread-safe, with its own connection
pool) and names its keys as the Django cache would, so ``cache.clear()``
(FLUSHDB) empties them too and other code may read them through the cache.
Its timeouts and circuit breaker are the Django cache's (core/cache.py, #17).
"""

import functools
import pickle

import redis
from django.conf import settings
from django.core.cache import cache

from nashra.core.cache import guarded

_client = None


def client():
    global _client
    if _client is None:
        _client = redis.Redis.from_url(
            settings.REDIS_URL,
            socket_connect_timeout=settings.REDIS_TIMEOUT,
            socket_timeout=settings.REDIS_TIMEOUT,
        )
    return _client


def reset():
    """Forget the client (tests that change settings)."""
    global _client
    _client = None
    key.cache_clear()


@functools.lru_cache(maxsize=4096)
def key(name):
    """The cache's name for ``name``; remembered, since going through the
    cache proxy cost ~7 µs per key and a hit reads five to ten."""
    return cache.make_key(name)


def get(name):
    """The value stored under ``name``; None when missing or Redis is down."""
    raw = guarded(lambda: client().get(key(name)), None)
    return None if raw is None else pickle.loads(raw)  # noqa: S301  (our own Redis)


def set(name, value, ttl):
    raw = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    guarded(lambda: client().set(key(name), raw, ex=ttl), None)
