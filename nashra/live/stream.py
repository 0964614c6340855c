"""Which entries a live page, its tail and its feed show (#15)."""

from django.db.models import Max, Q
from django.template.loader import get_template

from nashra.text.reading import plain_text

# The first view of a page with 2,000 entries renders this many; older ones
# are behind a link, so the render stays under 50 ms (#15).
PER_PAGE = 40
# What the tail lists: a page whose reader missed more reloads its entries.
TAIL_SIZE = 30
HIGHLIGHTS = 20
ENTRY_TEMPLATE = "live/entry.html"
HIGHLIGHTS_TEMPLATE = "live/highlights.html"


def signed(entries):
    return entries.select_related("author__author_profile")


def latest_version(page):
    found = page.entries.aggregate(v=Max("version"))["v"]
    return found or 0


def highlights(page):
    """Pinned entries and key events, newest first."""
    shown = page.entries.shown().filter(Q(pinned=True) | Q(key_event=True))
    return list(signed(shown).order_by("-id")[:HIGHLIGHTS])


def window(page, *, oldest_first=False, cursor=None):
    """One page of shown entries and whether more follow it."""
    shown = signed(page.entries.shown())
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
    """Text paragraphs as typed, a blank line apart (the desk edits them)."""
    paragraphs = (b for b in entry.body if b.block_type == "paragraph")
    return "\n\n".join(
        "\n".join(plain_text(line) for line in str(block.value).split("<br>"))
        for block in paragraphs
    )


def render_entry(entry, request=None):
    return get_template(ENTRY_TEMPLATE).render({"entry": entry, "request": request})


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
    entries, more = window(page, oldest_first=oldest_first, cursor=cursor)
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
        "highlights": highlights(page),
        "live_version": latest_version(page),
    }
