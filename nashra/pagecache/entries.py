"""Where cached responses live: a copy in each process, in front of Redis (#8).

A hit read from Redis cost a round trip and the unpickling of a 20–35 KB
value on top of the version check. Each process therefore keeps the entries
it served last, unpickled and bounded in bytes; a hit on that copy costs only
the version check (one small MGET). With Redis every process can fill its
copy from the shared entry another process rendered. Without Redis the copy
is the whole store: Django's process-local cache would only hold a second,
pickled copy of the same bytes (and cull it at 300 keys).

The copy is safe because every use is validated against the version store:
an entry is served only while all the groups it was built from, and the
store's generation, still have the versions it recorded.
"""

import threading
import time
from collections import OrderedDict

from django.conf import settings

from nashra.core import shared
from nashra.pagecache import conf

# Headers, the dataclass and the dict slots: what an entry costs beyond its bodies.
ENTRY_OVERHEAD_BYTES = 2048


def entry_size(entry):
    return len(entry.body) + len(entry.gzipped or b"") + ENTRY_OVERHEAD_BYTES


class LocalEntries:
    """Least-recently-used entries of this process, at most ``max_bytes``."""

    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self.lock = threading.Lock()
        self.items = OrderedDict()
        self.size = 0

    def get(self, key):
        with self.lock:
            item = self.items.get(key)
            if item is None:
                return None
            expires, _, entry = item
            if expires <= time.time():
                self._drop(key)
                return None
            self.items.move_to_end(key)
            return entry

    def set(self, key, entry, expires):
        size = entry_size(entry)
        if size > self.max_bytes:
            return
        with self.lock:
            self._drop(key)
            self.items[key] = (expires, size, entry)
            self.size += size
            while self.size > self.max_bytes:
                _, (_, dropped, _) = self.items.popitem(last=False)
                self.size -= dropped

    def discard(self, key, entry):
        """Forget ``key`` if it still holds ``entry`` (another thread may have
        stored a fresh one meanwhile)."""
        with self.lock:
            item = self.items.get(key)
            if item is not None and item[2] is entry:
                self._drop(key)

    def _drop(self, key):
        item = self.items.pop(key, None)
        if item is not None:
            self.size -= item[1]

    def clear(self):
        with self.lock:
            self.items.clear()
            self.size = 0


_local = None


def local():
    global _local
    if _local is None:
        _local = LocalEntries(conf.local_bytes())
    return _local


def reset():
    """Forget this process's copy (tests that change settings)."""
    global _local
    _local = None


def in_redis():
    """True when entries also go to Redis, which every process reads."""
    return bool(settings.REDIS_URL)


def candidates(key):
    """(entry, kept here) pairs to try for ``key``, cheapest first: this
    process's copy, then Redis (read only when the copy is missing or stale:
    another process may have stored a fresh rendering since)."""
    entry = local().get(key)
    if entry is not None:
        yield entry, True
    if in_redis():
        found = shared.get(key)
        if found is not None and (entry is None or found.versions != entry.versions):
            yield found, False


def remember(key, entry):
    """Keep a shared entry that proved current in this process's copy (an
    entry pickled before ``expires`` existed is not kept)."""
    local().set(key, entry, getattr(entry, "expires", 0.0))


def forget(key, entry):
    local().discard(key, entry)


def store(key, entry, ttl):
    entry.expires = time.time() + ttl
    local().set(key, entry, entry.expires)
    if in_redis():
        shared.set(key, entry, ttl)
