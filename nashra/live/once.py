"""The tail's body built once per update by the whole site, not once per
process (#15).

Right after an update every open page misses the page cache at once. One
request takes a short lock and renders; the others wait for its body. With
Redis, or with a single process, lock and body are in the Django cache. The
embedded default runs `serve --production` with several workers, each with
its own process-local cache: there they rendered once per worker (three
renders per update). Those workers already share the page cache's version
file (nashra.core.versions.FileVersions), so lock and body go into files
beside it: the lock made with O_EXCL, the body renamed into place whole.
"""

import os
import tempfile
import time
from pathlib import Path

from django.core.cache import cache

from nashra.core import versions

POLL_SECONDS = 0.02
# A sibling body this old belongs to a version no request reads any more.
SUPERSEDED_SECONDS = 10


class CacheBodies:
    """Lock and body in the Django cache (Redis, or the only process)."""

    def get(self, name):
        return cache.get(name)

    def claim(self, name, seconds):
        return cache.add(f"{name}:lock", 1, seconds)

    def release(self, name):
        cache.delete(f"{name}:lock")

    def put(self, name, body, seconds, family):
        cache.set(name, body, seconds)


class FileBodies:
    """Lock and body as files in one folder shared by the host's processes.

    ``family`` names the bodies one of which replaces the others (a page's
    tail): storing one deletes the siblings it superseded, so the folder
    holds a few files per live page.
    """

    def __init__(self, folder):
        self.folder = Path(folder)

    def _path(self, name, suffix):
        return self.folder / f"{name}{suffix}"

    def get(self, name):
        path = self._path(name, ".body")
        try:
            with open(path, "rb") as handle:
                age = time.time() - os.fstat(handle.fileno()).st_mtime
                body = handle.read()
        except FileNotFoundError:
            return None
        seconds, _, body = body.partition(b"\n")
        return body.decode() if age < int(seconds) else None

    def claim(self, name, seconds):
        lock = self._path(name, ".lock")
        self.folder.mkdir(parents=True, exist_ok=True)
        for _attempt in (1, 2):
            try:
                os.close(os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
                return True
            except FileExistsError:
                try:
                    held = time.time() - lock.stat().st_mtime
                except FileNotFoundError:
                    continue
                if held < seconds:
                    return False
                # Left by a worker killed mid-render: take it over.
                lock.unlink(missing_ok=True)
        return False

    def release(self, name):
        self._path(name, ".lock").unlink(missing_ok=True)

    def put(self, name, body, seconds, family):
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, aside = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
        with os.fdopen(fd, "wb") as handle:
            handle.write(f"{seconds}\n{body}".encode())
        os.replace(aside, self._path(name, ".body"))
        self._path(name, ".lock").unlink(missing_ok=True)
        # Only siblings that are surely superseded: a slow request storing
        # an older version must not delete the body of the newest.
        superseded = time.time() - SUPERSEDED_SECONDS
        for path in self.folder.glob(f"{family}*"):
            try:
                if path.name[: -len(path.suffix)] != name and (
                    path.stat().st_mtime < superseded
                ):
                    path.unlink(missing_ok=True)
            except FileNotFoundError:
                continue


def bodies():
    """Where this configuration keeps built bodies (as versions.store())."""
    store = versions.store()
    if isinstance(store, versions.FileVersions):
        return FileBodies(store.path.parent / "live")
    return CacheBodies()


def built_once(name, family, build, *, lock_seconds, keep_seconds, store=None):
    """(body, built here): ``build()``'s str under ``name``, built by one
    request of the whole site; the others wait up to ``lock_seconds`` for
    it, then build it themselves (the builder may have died)."""
    store = store or bodies()
    body = store.get(name)
    if body is not None:
        return body, False
    if store.claim(name, lock_seconds):
        # Stored between the look above and the lock: not built twice.
        body = store.get(name)
        if body is not None:
            store.release(name)
            return body, False
    else:
        deadline = time.monotonic() + lock_seconds
        while time.monotonic() < deadline:
            time.sleep(POLL_SECONDS)
            body = store.get(name)
            if body is not None:
                return body, False
    body = build()
    store.put(name, body, keep_seconds, family)
    return body, True
