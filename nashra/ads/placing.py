"""Where ad slots go and what their code loads, without Django (#20).

A slot here is the plain dict the ads app caches for every page
(nashra.ads.slots): name, placement, position, width, height, kind, code,
hosts, starts, ends, sections, and for a house ad image, link and alt.
"""

import hashlib
import re
from base64 import b64encode
from urllib.parse import urlsplit

_CLOSING_P = re.compile(r"</p\s*>", re.IGNORECASE)
# Paragraphs inside these are not the body's own: no ad inside a quote or a list.
_NESTING = re.compile(
    r"<(/?)(blockquote|figure|aside|table|ul|ol)\b[^>]*>", re.IGNORECASE
)
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_SOURCE = re.compile(
    r"<(script|iframe|img)\b[^>]*?\bsrc\s*=\s*[\"']?([^\"'\s>]+)", re.IGNORECASE
)
DIRECTIVE = {"script": "script-src", "iframe": "frame-src", "img": "img-src"}


def is_live(slot, now):
    """Whether ``slot`` runs at ``now``: after its start, before its end."""
    starts, ends = slot.get("starts"), slot.get("ends")
    return (starts is None or starts <= now) and (ends is None or now < ends)


def fits(slot, section_ids):
    """Whether ``slot`` shows on a page of these sections: a slot limited to
    sections shows only on their pages (the section page and its articles)."""
    return not slot["sections"] or bool(set(slot["sections"]) & set(section_ids))


def choose(slots, placement, now, section_ids, position=None):
    """The slots of ``placement`` running now on a page of ``section_ids``;
    with ``position``, only those placed after that paragraph or block."""
    return [
        slot
        for slot in slots
        if slot["placement"] == placement
        and (position is None or slot["position"] == position)
        and is_live(slot, now)
        and fits(slot, section_ids)
    ]


def seconds_until_change(slots, now):
    """Seconds until the next slot starts or ends (None: no date ahead), for
    caches holding a page that shows them."""
    ahead = [
        when
        for slot in slots
        for when in (slot.get("starts"), slot.get("ends"))
        if when is not None and when > now
    ]
    return max(1, int((min(ahead) - now).total_seconds()) + 1) if ahead else None


def after_paragraph(html, number, insert):
    """``html`` with ``insert`` after its ``number``-th paragraph of its own
    (not one inside a quote, figure or list); unchanged when it has fewer."""
    depth, seen, cursor = 0, 0, 0
    for closing in _CLOSING_P.finditer(html):
        for tag in _NESTING.finditer(html, cursor, closing.start()):
            depth += -1 if tag.group(1) else 1
        depth = max(depth, 0)
        cursor = closing.start()
        if depth == 0:
            seen += 1
            if seen == number:
                return html[: closing.end()] + insert + html[closing.end() :]
    return html


def origin(url):
    parts = urlsplit(url if "//" in url else "")
    if parts.netloc and parts.scheme in ("https", "http", ""):
        return f"{parts.scheme or 'https'}://{parts.netloc}"
    return None


def sources(code, hosts=()):
    """{CSP directive: origins} the ad ``code`` loads from: its scripts',
    frames' and images' hosts, plus ``hosts`` the newsroom lists for what
    those load in turn (under every directive)."""
    found = {name: [] for name in ("script-src", "frame-src", "img-src", "connect-src")}
    for tag, url in _SOURCE.findall(code or ""):
        place = origin(url)
        if place and place not in found[DIRECTIVE[tag.lower()]]:
            found[DIRECTIVE[tag.lower()]].append(place)
    for host in hosts:
        place = origin(host if "//" in host else "https://" + host)
        for directive in found.values():
            if place and place not in directive:
                directive.append(place)
    return found


def inline_scripts(code):
    """The CSP hashes of ``code``'s inline scripts, which the loader runs."""
    return [
        "'sha256-" + b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
        for attributes, body in _SCRIPT.findall(code or "")
        if "src" not in attributes.lower() and body.strip()
    ]
