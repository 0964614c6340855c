"""The one write path of live entries (#15): the admin desk and the API both
come here, and every write invalidates the page it belongs to.

Bumping "page:<id>" turns the cached page, its tail and its feed into misses
and deletes the page's statically published file (nashra.pagecache listens
to every bump), now and again after commit.
"""

import time

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.html import escape

from nashra.core import groups
from nashra.core.invalidate import bump
from nashra.live.models import LiveEntry

MAX_TEXT = 10_000
URL_LENGTH = 2048  # longer: text, not a link browsers agree on


# One text box for every block an entry may have (#15): a paragraph whose
# lines all start with ">" is a quotation (a last line "— name" its source),
# a paragraph that starts with a bare web address links a post or a video
# (the lines after it are the caption), anything else is text.
QUOTE_MARK = ">"
SOURCE_MARKS = ("—", "--", "-")
SCHEMES = ("https://", "http://")


def _quote(lines):
    lines = [line.removeprefix(QUOTE_MARK).strip() for line in lines]
    source = ""
    if len(lines) > 1 and lines[-1].startswith(SOURCE_MARKS):
        source = lines.pop().lstrip("—-").strip()
    return {"type": "quote", "value": {"text": "\n".join(lines), "source": source}}


def _embed(lines):
    address, *caption = lines
    if " " in address or len(address) > URL_LENGTH:
        return None
    try:
        URLValidator(schemes=["http", "https"])(address)
    except ValidationError:
        return None
    return {"type": "embed", "value": {"url": address, "caption": " ".join(caption)}}


def _block(paragraph):
    lines = [line.strip() for line in paragraph.split("\n") if line.strip()]
    if all(line.startswith(QUOTE_MARK) for line in lines):
        return _quote(lines)
    if lines[0].lower().startswith(SCHEMES):
        embedded = _embed(lines)
        if embedded is not None:
            return embedded
    html = "<br>".join(escape(line) for line in lines)
    return {"type": "paragraph", "value": f"<p>{html}</p>"}


def text_blocks(text):
    """The desk's or the API's text as blocks: a blank line starts a new one."""
    parts = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n")]
    return [_block(p) for p in parts if p]


def edited_blocks(entry, text):
    """The blocks of ``entry`` after the desk edited its text: the text's
    blocks, after the entry's images, which the text does not show."""
    raw = entry.body.raw_data
    images = [
        {"type": "image", "value": b["value"]} for b in raw if b["type"] == "image"
    ]
    return [*images, *text_blocks(text)]


def image_block(image, caption=""):
    return {
        "type": "image",
        "value": {"image": image.pk, "caption": caption, "credit": "", "alt": ""},
    }


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
