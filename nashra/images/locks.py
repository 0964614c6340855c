"""One encoder per image at a time, across threads and worker processes.

Wagtail makes a missing rendition in the request that first asks for it,
with three encoder threads. When a story with a new photo is opened by many
readers at once, every request thread encoded the same AVIF and WebP files
side by side (12 threads × 3 encoders on two cores), their inserts queued
past SQLite's busy timeout and readers got 500s (seen in
bench/side_by_side.py, #12). An flock on a file per image makes the others
wait for the first, then find its renditions. flock is per machine: nodes
of a cluster may still encode the same file once each, which is Wagtail's
own behaviour.
"""

import fcntl
import time
from contextlib import contextmanager
from pathlib import Path

# Past this, a waiter encodes anyway: a slow lock must not hang a page.
WAIT_SECONDS = 30
POLL_SECONDS = 0.05


@contextmanager
def held(directory, name, wait=WAIT_SECONDS):
    """Hold an exclusive lock on `directory/name` while the block runs.

    Yields True when the lock was taken, False when `wait` ran out or the
    directory cannot be written (a read-only var dir must not stop pages).
    """
    try:
        Path(directory).mkdir(parents=True, exist_ok=True)
        handle = open(Path(directory) / name, "a")
    except OSError:
        yield False
        return
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                taken = True
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    taken = False
                    break
                time.sleep(POLL_SECONDS)
        yield taken
    finally:
        handle.close()  # closing releases the lock
