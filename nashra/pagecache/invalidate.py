"""Invalidation: bump group versions once the change is committed (#8)."""

import logging

from django.db import transaction

from nashra.pagecache import groups, published, versions

logger = logging.getLogger(__name__)


def bump_now(group_names):
    names = {*group_names, groups.CLOCK}
    versions.store().bump(sorted(names))
    published.remove(names)


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
