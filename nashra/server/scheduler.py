"""Scheduled work without cron: a thread inside `nashra serve` (#2, #13).

A newsroom must not miss an embargo because nobody installed a crontab, so
the server itself runs the registered periodic jobs (nashra.core.jobs:
Wagtail's `publish_scheduled`, comment housekeeping, the view-count flush)
every NASHRA_SCHEDULER_INTERVAL seconds (30 by default).
"""

import logging
import threading

from django.conf import settings
from django.db import close_old_connections

from nashra.core import jobs, marks

logger = logging.getLogger(__name__)
LOCK_KEY = "scheduler:lock"


def _run(job):
    try:
        job.run()
    # One failing job must not stop the others; the next interval retries.
    except Exception:
        logger.exception("periodic job %s failed; retrying next interval", job.name)


def run_due_jobs():
    """Run every registered job; the once-per-interval ones only in the
    process that takes this interval's lock. True when it took the lock."""
    interval = settings.SCHEDULER_INTERVAL
    # A row, not a cache entry: with Redis down every add() would fail and
    # embargoes would wait for it; without Redis each worker would lead (#17).
    leader = marks.add(LOCK_KEY, max(interval - 1, 1))
    for job in jobs.registered():
        if leader or not job.once_per_interval:
            _run(job)
    return leader


class SchedulerThread(threading.Thread):
    """Runs run_due_jobs() until the process exits."""

    def __init__(self, interval=None):
        super().__init__(name="nashra-scheduler", daemon=True)
        self.interval = interval or settings.SCHEDULER_INTERVAL
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.is_set():
            try:
                run_due_jobs()
            # The thread must outlive a database hiccup; the next tick retries.
            except Exception:
                logger.exception("scheduled jobs failed; retrying next interval")
            # This thread's connection must not outlive a restarted database.
            close_old_connections()
            self.stopped.wait(self.interval)

    def stop(self):
        self.stopped.set()


def start_scheduler(interval=None):
    thread = SchedulerThread(interval)
    thread.start()
    return thread
