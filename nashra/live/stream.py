"""Which entries a live page, its tail and its feed show (#15)."""

from django.db.models import Max, Q
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from nashra.core import fragments, groups
from nashra.core.display import display_options
from nashra.text.reading import plain_text

# The first view of a page with 2,000 entries renders this many; older ones
# are behind a link, so the render stays under 50 ms (#15).
PER_PAGE = 40
# What the tail lists: a page whose reader missed more reloads its entries.
TAIL_SIZE = 30
HIGHLIGHTS = 20
ENTRY_TEMPLATE = "live/entry.html"
HIGHLIGHTS_TEMPLATE = "live/highlights.html"
# What a page shows of an entry besides its cached HTML and text (#15).
LIGHT_FIELDS = (
    "id", "page_id", "version", "published_at", "updated_at",
    "pinned", "key_event", "edited", "deleted",
)  # fmt: skip
# The condition of the highlights' partial index (models.py), as the query
# must spell it for SQLite to use the index.
HIGHLIGHTED = Q(pinned=True) | Q(key_event=True)


def signed(entries):
    return entries.select_related("author__author_profile")


def latest_version(page):
    found = page.entries.aggregate(v=Max("version"))["v"]
    return found or 0


def highlights(page, *, light=False):
    """Pinned entries and key events, newest first (from their own partial
    index: found among 2,000 entries by a scan, they cost 10 ms)."""
    shown = page.entries.shown().filter(HIGHLIGHTED)
    shown = shown.only(*LIGHT_FIELDS) if light else signed(shown)
    return list(shown.order_by("-id")[:HIGHLIGHTS])


def window(page, *, oldest_first=False, cursor=None, light=False):
    """One page of shown entries and whether more follow it; ``light``
    entries lack their body and author, which ``prepare`` reads for the
    ones whose HTML is not cached yet."""
    shown = page.entries.shown()
    shown = shown.only(*LIGHT_FIELDS) if light else signed(shown)
    if oldest_first:
        if cursor is not None:
            shown = shown.filter(id__gt=cursor)
        shown = shown.order_by("id")
    else:
        if cursor is not None:
            shown = shown.filter(id__lt=cursor)
        shown = shown.order_by("-id")
    found = list(shown[: PER_PAGE + 1])
    return found[:PER_PAGE], len(found) > PER_PAGE


def changes(page):
    """The entries changed last (deleted ones too), newest change first."""
    return list(signed(page.entries.order_by("-version"))[:TAIL_SIZE])


def author_name(entry):
    user = entry.author
    if user is None:
        return ""
    profile = getattr(user, "author_profile", None)
    if profile is not None:
        return profile.name
    return user.get_full_name() or user.get_username()


def entry_text(entry):
    """The entry as plain text, for titles, feeds and structured data."""
    known = getattr(entry, "plain", None)
    if known is not None:
        return known
    parts = []
    for block in entry.body:
        if block.block_type == "paragraph":
            parts.append(plain_text(str(block.value)))
        elif block.block_type == "quote":
            parts.append(block.value["text"])
        elif block.block_type in {"image", "embed"}:
            parts.append(block.value.get("caption") or "")
    return " ".join(p for p in parts if p)


def entry_source(entry):
    """The entry as the desk's text box writes it (writing.text_blocks):
    paragraphs, "> " quotations, addresses of embeds, a blank line apart.
    Images are not text: an edit keeps them (writing.edited_blocks). Read
    from the raw blocks, so a desk of 100 entries fetches no image."""
    parts = []
    for block in entry.body.raw_data:
        kind, value = block["type"], block["value"]
        if kind == "paragraph":
            parts.append("\n".join(plain_text(line) for line in value.split("<br>")))
        elif kind == "quote":
            lines = [f"> {line}" for line in value["text"].splitlines()]
            if value.get("source"):
                lines.append(f"> — {value['source']}")
            parts.append("\n".join(lines))
        elif kind == "embed":
            parts.append("\n".join(p for p in (value["url"], value["caption"]) if p))
    return "\n\n".join(parts)


def image_captions(entry):
    """The captions of the entry's photos ("" for none), for the desk."""
    raw = entry.body.raw_data
    return [b["value"].get("caption", "") for b in raw if b["type"] == "image"]


def render_entry(entry, request=None):
    known = getattr(entry, "html", None)
    if known is not None:
        return known
    return get_template(ENTRY_TEMPLATE).render({"entry": entry, "request": request})


def prepare(entries, request=None):
    """Give each entry its ``html`` and ``plain`` text, rendered once per
    version of the entry: in one cache read for all of them, the misses then
    rendered. A page of 40 entries rendered them all on every uncached view
    (half of the 2,000-entry page's 120 ms, #15); now an update renders one.

    The name holds what the HTML depends on beyond the entry: the language
    and the site's date and digit options ("site" is bumped with them).
    """
    entries = [e for e in entries if getattr(e, "html", None) is None]
    if not entries:
        return
    shape = f"{get_language()}:{display_options(request)}"
    names = {e.pk: f"live-entry:{e.pk}:{e.version}:{shape}" for e in entries}
    found = fragments.lookup_many({name: {groups.SITE} for name in names.values()})
    missing = [e for e in entries if found[names[e.pk]][1] is None]
    full = _complete(missing)
    for entry in entries:
        key, value = found[names[entry.pk]]
        if value is None:
            whole = full.get(entry.pk, entry)
            value = (render_entry(whole, request), entry_text(whole))
            fragments.keep(key, value)
        entry.html, entry.plain = mark_safe(value[0]), value[1]  # noqa: S308


def _complete(entries):
    """{pk: entry with its body and author} for light ones, in one query."""
    light = [e.pk for e in entries if "body" in e.get_deferred_fields()]
    if not light:
        return {}
    # stream is imported by the models: the class comes from the entries.
    model = type(entries[0])
    return {e.pk: e for e in signed(model.objects.filter(pk__in=light))}


def render_highlights(items, request=None):
    return get_template(HIGHLIGHTS_TEMPLATE).render(
        {"highlights": items, "request": request}
    )


def _cursor(request, name):
    value = request.GET.get(name, "")
    ok = value.isascii() and value.isdigit() and len(value) < 12
    return int(value) if ok else None


def stream_context(page, request):
    """The entries of a live page's first view (or of an older page)."""
    oldest_first = request.GET.get("order") == "oldest"
    cursor = _cursor(request, "after" if oldest_first else "before")
    entries, more = window(page, oldest_first=oldest_first, cursor=cursor, light=True)
    shown_highlights = highlights(page, light=True)
    prepare([*entries, *shown_highlights], request)
    following = None
    if more and entries:
        key = "after" if oldest_first else "before"
        order = "order=oldest&" if oldest_first else ""
        following = f"?{order}{key}={entries[-1].pk}"
    return {
        "entries": entries,
        "oldest_first": oldest_first,
        "first_view": cursor is None,
        "following": following,
        "highlights": shown_highlights,
        "live_version": latest_version(page),
    }
