"""Daily comment housekeeping run from the scheduler thread of `nashra serve` (#3)."""

from django.core.cache import cache

from nashra.comments import privacy
from nashra.comments.management.commands.comments import retention_days

LOCK_KEY = "nashra:comments:housekeeping"
EVERY = 6 * 60 * 60  # seconds


def run_due():
    """Trim old IPs at most once per EVERY seconds across all workers."""
    if not cache.add(LOCK_KEY, 1, timeout=EVERY):
        return None
    return privacy.anonymise_old_ips(retention_days())
