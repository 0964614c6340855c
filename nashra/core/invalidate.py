"""Invalidation: bump group versions once the change is committed (#8).

Every bump is announced by ``groups_bumped``, so what keeps copies of its
own (the page cache's published files) forgets them without the foundation
knowing it (#13).
"""

import logging

from django.db import transaction
from django.dispatch import Signal

from nashra.core import groups, versions

logger = logging.getLogger(__name__)

# Sent with ``groups``, the set of names just bumped.
groups_bumped = Signal()


def bump_now(group_names):
    names = {*group_names, groups.CLOCK}
    versions.store().bump(sorted(names))
    groups_bumped.send(sender=None, groups=names)


def bump(group_names):
    """Invalidate now and again after commit: now, so this transaction's own
    later reads (and tests) see it; after commit, because a reader rendering
    before the commit may have stored the old state under the new version."""
    names = set(group_names)
    if not names:
        return

    def run():
        try:
            bump_now(names)
        except Exception:
            # A failed purge must not undo the editor's publish; entries
            # still expire after the cache TTL.
            logger.exception("page cache invalidation failed: %s", sorted(names))

    run()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(run)


def purge_site():
    bump({groups.SITE})
