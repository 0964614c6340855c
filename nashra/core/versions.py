"""Version numbers of the groups a cached response depends on (#8).

A cached entry records, for every group it was built from ("site", "page:12",
"section:3", "tag:اقتصاد"…), the group's version at the time. Invalidating a
group is one increment; entries recorded under an older version are misses
from then on and are overwritten. Every process must see every increment, so
they live in the cache when it is shared (Redis) or when there is one process
(`nashra serve`), and in a small SQLite file when several gunicorn workers
each have a process-local cache.
"""

import secrets
import sqlite3
import threading
from pathlib import Path

from django.conf import settings
from django.core.cache import caches

from nashra.core import shared
from nashra.core.cache import guarded
from nashra.core.groups import GENERATION

PREFIX = "nashra:pc:v:"


class CacheVersions:
    """Versions in the Django cache of the only process (`nashra serve`)."""

    def __init__(self, alias="default"):
        self.cache = caches[alias]

    def get_many(self, groups):
        found = self.cache.get_many([PREFIX + g for g in groups])
        return {g: found.get(PREFIX + g, 0) for g in groups}

    def ensure_generation(self):
        self.cache.add(PREFIX + GENERATION, new_generation(), None)

    def bump(self, groups):
        for group in groups:
            key = PREFIX + group
            try:
                self.cache.incr(key)
            except ValueError:
                # First bump: start past 0, the version of a never-bumped group.
                if not self.cache.add(key, 1, None):
                    self.cache.incr(key)


class RedisVersions:
    """Versions in Redis through the page cache's own client (shared.py):
    one MGET per hit, one pipelined INCR per invalidation.

    While Redis is unreachable every read answers *unknown* versions (#17):
    a fresh negative number per group and read, equal to nothing recorded and
    to no other read, so no entry is served (this process's copy included)
    and none is stored; a bump is owed until Redis answers again.
    """

    def get_many(self, groups):
        groups = list(groups)
        keys = [shared.key(PREFIX + g) for g in groups]
        found = guarded(lambda: shared.client().mget(keys), None)
        if found is None:
            return {g: -new_generation() for g in groups}
        return {
            g: 0 if v is None else int(v) for g, v in zip(groups, found, strict=True)
        }

    def ensure_generation(self):
        key = shared.key(PREFIX + GENERATION)
        guarded(lambda: shared.client().set(key, new_generation(), nx=True), None)

    def bump(self, groups):
        keys = [shared.key(PREFIX + g) for g in groups]

        def increment():
            # INCR starts a missing key at 1, past 0, the version of a
            # never-bumped group.
            pipe = shared.client().pipeline(transaction=False)
            for key in keys:
                pipe.incr(key)
            pipe.execute()

        guarded(increment, None, debt=(("bump", *keys), increment))


class FileVersions:
    """Versions in an SQLite file shared by all the processes of one host."""

    def __init__(self, path):
        self.path = Path(path)
        self.local = threading.local()

    def _connection(self):
        connection = getattr(self.local, "connection", None)
        if connection is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self.path, timeout=10, isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute(
                "CREATE TABLE IF NOT EXISTS version "
                "(grp TEXT PRIMARY KEY, v INTEGER NOT NULL) WITHOUT ROWID"
            )
            connection.execute(
                "INSERT OR IGNORE INTO version (grp, v) VALUES (?, ?)",
                (GENERATION, new_generation()),
            )
            self.local.connection = connection
        return connection

    def get_many(self, groups):
        groups = list(groups)
        marks = ",".join("?" * len(groups))
        rows = self._connection().execute(
            f"SELECT grp, v FROM version WHERE grp IN ({marks})",  # noqa: S608
            groups,
        )
        found = dict(rows.fetchall())
        return {g: found.get(g, 0) for g in groups}

    def ensure_generation(self):
        """The file's generation is written when it is first opened."""
        self._connection()

    def bump(self, groups):
        self._connection().executemany(
            "INSERT INTO version (grp, v) VALUES (?, 1) "
            "ON CONFLICT(grp) DO UPDATE SET v = v + 1",
            [(g,) for g in groups],
        )


def new_generation():
    """Never 0, the version of a key that is missing."""
    return secrets.randbits(62) + 1


_store = None


def store():
    """The version store for this configuration, made once per process."""
    global _store
    if _store is None:
        path = getattr(settings, "PAGE_CACHE_VERSIONS_FILE", "")
        if settings.REDIS_URL:
            _store = RedisVersions()
        elif path:
            _store = FileVersions(path)
        else:
            _store = CacheVersions()
    return _store


def reset_store():
    """Forget the store (tests that change settings)."""
    global _store
    _store = None


def current(group):
    """The version of one group now (listings key their caches on it)."""
    return store().get_many([group])[group]
