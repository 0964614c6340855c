"""Scheduled publishing without cron: a thread inside `nashra serve` (#2).

A newsroom must not miss an embargo because nobody installed a crontab, so
the server itself runs Wagtail's `publish_scheduled` every
NASHRA_SCHEDULER_INTERVAL seconds (30 by default).
"""

import io
import logging
import threading

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import close_old_connections

logger = logging.getLogger(__name__)
LOCK_KEY = "nashra:scheduler:lock"


def publish_due_pages():
    """Publish what is due and expire what has ended; one process at a time."""
    interval = settings.SCHEDULER_INTERVAL
    # With a shared cache (Redis) only one worker per interval does the work.
    if not cache.add(LOCK_KEY, "1", timeout=max(interval - 1, 1)):
        return False
    call_command("publish_scheduled", stdout=io.StringIO())
    from nashra.comments.housekeeping import run_due  # IPs trimmed (#3)

    run_due()
    return True


def flush_batched_counts():
    """Write the view counts batched in the cache (#4), if the theme app is on."""
    from django.apps import apps

    if not apps.is_installed("nashra.theme"):
        return
    from nashra.theme.counting import flush_views

    try:
        flush_views()
    except Exception:
        logger.exception("flushing view counts failed; retrying next interval")


class SchedulerThread(threading.Thread):
    """Runs publish_due_pages() until the process exits."""

    def __init__(self, interval=None):
        super().__init__(name="nashra-scheduler", daemon=True)
        self.interval = interval or settings.SCHEDULER_INTERVAL
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.is_set():
            try:
                publish_due_pages()
            # The thread must outlive a database hiccup; the next tick retries.
            except Exception:
                logger.exception("scheduled publishing failed; retrying next interval")
            flush_batched_counts()
            # This thread's connection must not outlive a restarted database.
            close_old_connections()
            self.stopped.wait(self.interval)

    def stop(self):
        self.stopped.set()


def start_scheduler(interval=None):
    thread = SchedulerThread(interval)
    thread.start()
    return thread
