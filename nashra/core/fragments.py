"""Pieces of page chrome that are the same for every reader, cached (#8).

The section menu and the breaking-news ticker cost a query each on every
page. They are kept in the shared cache under the versions of the page-cache
groups they are built from (nashra.core.versions), so the invalidation
that already drops cached pages on publish, unpublish, move or an options
change makes them misses too. Versions are read before building: a render
racing an edit stores under the old version, which the edit's after-commit
bump leaves behind.

Within one request each fragment is read once: the menu, the private paths
and the Site are asked for several times per page, and with Redis each read
is two round trips (version, then entry).
"""

import hashlib
import threading

from django.core.cache import cache
from django.core.signals import request_finished, request_started

from nashra.core import versions

TIMEOUT = 60 * 60

# Per thread, and only between request_started and request_finished: code
# outside a request (tests, commands) always reads the shared cache.
_request = threading.local()


def _begin(**kwargs):
    _request.memo = {}


def _end(**kwargs):
    _request.memo = None


request_started.connect(_begin, dispatch_uid="nashra-fragments-begin")
request_finished.connect(_end, dispatch_uid="nashra-fragments-end")


def _stamps(memo, groups, store):
    """The groups' versions, each read once per request."""
    if memo is None:
        return store.get_many(groups)
    known = memo.setdefault("versions:", {})
    missing = [group for group in groups if group not in known]
    if missing:
        known.update(store.get_many(missing))
    return known


def _key(memo, name, groups):
    stamp = _stamps(memo, sorted(groups), versions.store())
    versioned = name + "|" + ",".join(f"{g}={stamp[g]}" for g in sorted(groups))
    # Hashed: names may carry a request's Host header, unfit for a cache key.
    digest = hashlib.md5(versioned.encode(), usedforsecurity=False).hexdigest()
    return f"nashra:fragment:{digest}"


def cached(name, groups, build, timeout=TIMEOUT):
    """``build()`` once per version of ``groups``; ``timeout`` may be a
    function of the built value (seconds it stays true)."""
    memo = getattr(_request, "memo", None)
    if memo is not None and name in memo:
        return memo[name]
    key = _key(memo, name, groups)
    found = cache.get(key)
    if found is None:
        found = build()
        seconds = timeout(found) if callable(timeout) else timeout
        if seconds > 0:
            cache.set(key, found, seconds)
    if memo is not None:
        memo[name] = found
    return found


def prime(groups):
    """Read the versions of ``groups`` now, in one round trip, for the
    fragments of this request that will name them one by one (#12)."""
    memo = getattr(_request, "memo", None)
    if memo is not None and groups:
        _stamps(memo, sorted(groups), versions.store())


def lookup_many(entries):
    """{name: (key, value or None)} for ``entries`` = {name: groups}, in one
    cache read: for a caller that fetches the data of every miss at once,
    then stores each with ``keep(key, value)``. The key holds the versions
    read here, before the data, as ``cached`` does (#12)."""
    memo = getattr(_request, "memo", None)
    keys = {name: _key(memo, name, groups) for name, groups in entries.items()}
    found = cache.get_many(list(keys.values()))
    return {name: (key, found.get(key)) for name, key in keys.items()}


def keep(key, value, timeout=TIMEOUT):
    cache.set(key, value, timeout)
