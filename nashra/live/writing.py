"""The one write path of live entries (#15): the admin desk and the API both
come here, and every write invalidates the page it belongs to.

Bumping "page:<id>" turns the cached page, its tail and its feed into misses
and deletes the page's statically published file (nashra.pagecache listens
to every bump), now and again after commit.
"""

import time

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.html import escape

from nashra.core import groups
from nashra.core.invalidate import bump
from nashra.live.models import LiveEntry

MAX_TEXT = 10_000


def text_blocks(text):
    """Plain text as paragraph blocks: a blank line starts a new paragraph."""
    parts = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n")]
    return [
        {"type": "paragraph", "value": "<p>" + escape(p).replace("\n", "<br>") + "</p>"}
        for p in parts
        if p
    ]


def _next_version(page_id):
    """Microseconds now, and always above the page's last version."""
    last = LiveEntry.objects.filter(page_id=page_id).aggregate(v=Max("version"))["v"]
    return max(time.time_ns() // 1000, (last or 0) + 1)


def _changed(page_id):
    bump({groups.page(page_id)})


@transaction.atomic
def post(page, author, blocks, *, pinned=False, key_event=False):
    """Publish a new entry on ``page``, signed by ``author``."""
    entry = LiveEntry.objects.create(
        page=page,
        author=author,
        body=blocks,
        version=_next_version(page.pk),
        pinned=pinned,
        key_event=key_event,
    )
    _changed(page.pk)
    return entry


@transaction.atomic
def change(entry, *, blocks=None, pinned=None, key_event=None):
    """Edit an entry's body or flags; readers see the new one in place."""
    if blocks is not None:
        entry.body = blocks
        entry.edited = True
    if pinned is not None:
        entry.pinned = pinned
    if key_event is not None:
        entry.key_event = key_event
    entry.updated_at = timezone.now()
    entry.version = _next_version(entry.page_id)
    entry.save()
    _changed(entry.page_id)
    return entry


@transaction.atomic
def delete(entry):
    """Remove an entry from every copy; the row stays, empty, as a tombstone
    for the pages open on it."""
    entry.body = []
    entry.deleted = True
    entry.pinned = entry.key_event = False
    entry.updated_at = timezone.now()
    entry.version = _next_version(entry.page_id)
    entry.save()
    _changed(entry.page_id)
    return entry
