"""Streaming WXR reader: constant memory, hostile input refused in one line."""

import os
from collections.abc import Iterator
from typing import BinaryIO
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import iterparse

from .bounded import OVERSIZE_MARK, BoundedText
from .build import (
    build_author,
    build_category,
    build_item,
    build_item_brief,
    build_tag,
    build_term,
)
from .names import KNOWN_VERSIONS, Names
from .records import Channel, OversizedItem, Problem, Record, WXRError

BUILDERS = {
    "wp:author": build_author,
    "wp:category": build_category,
    "wp:tag": build_tag,
    "wp:term": build_term,
    "item": build_item,
}
CHANNEL_FIELDS = (
    "title",
    "link",
    "language",
    "wp:wxr_version",
    "wp:base_site_url",
    "wp:base_blog_url",
)
# Expat errors that mean "the file stopped early" rather than "bad markup".
TRUNCATION_CODES = frozenset({3, 5, 6, 20})
# One post's text (its content, a meta value, a comment) is refused past
# this; the whole item, comments included, past ITEM_FACTOR times it (#17).
DEFAULT_MAX_POST_BYTES = 8 << 20
ITEM_FACTOR = 4
NEVER = float("inf")
DTD_REFUSED = (
    "refused: the file declares a DTD, which WordPress exports never do"
    " (possible XML bomb or external entity)"
)
NO_WP_NAMESPACE = (
    "not a WordPress export: no wp namespace (http://wordpress.org/export/1.2/)"
)


def read_export(
    source: str | os.PathLike | BinaryIO,
    *,
    brief: bool = False,
    max_post_bytes: int = DEFAULT_MAX_POST_BYTES,
) -> Iterator[Record]:
    """Yield Channel, then Authors, terms and Items in file order.

    brief: items other than attachments come as ItemRef (type and id).
    An item with a text over max_post_bytes, or over ITEM_FACTOR times it in
    all, comes as OversizedItem, read in bounded memory and not kept.
    Raises WXRError for unreadable input; records yielded before it are valid.
    """
    if isinstance(source, str | os.PathLike):
        try:
            handle = open(source, "rb")
        except OSError as error:
            raise WXRError(f"cannot open export: {error.strerror}") from None
        with handle:
            yield from _read(handle, brief, max_post_bytes)
    else:
        yield from _read(source, brief, max_post_bytes)


class _Channel:
    """Channel fields gathered before the first record, emitted once."""

    def __init__(self, names: Names):
        self.names = names
        self.fields: dict[str, str] = {}
        self.emitted = False

    def emit(self) -> Channel:
        if self.names.wp_version is None:
            raise WXRError(NO_WP_NAMESPACE)
        self.emitted = True
        version = self.fields.get("wp:wxr_version") or self.names.wp_version
        problems = []
        if version not in KNOWN_VERSIONS:
            problems.append(
                Problem("version", f"unknown WXR version {version[:20]}, read as 1.2")
            )
        return Channel(
            title=self.fields.get("title", ""),
            link=self.fields.get("link", ""),
            base_site_url=self.fields.get("wp:base_site_url", ""),
            base_blog_url=self.fields.get("wp:base_blog_url", ""),
            language=self.fields.get("language", ""),
            wxr_version=version,
            problems=tuple(problems),
        )


class LeadingBlanksSkipped:
    """The export without whitespace before its first byte of XML.

    A theme or plugin file ending in a blank line makes WordPress print it
    before "<?xml" in every export, which expat refuses ("XML declaration
    not at start"); WordPress's own importer trips on it too (#13).
    """

    def __init__(self, handle: BinaryIO):
        self.handle = handle
        self.started = False

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        while not self.started and data:
            stripped = data.lstrip(b" \t\r\n")
            if stripped:
                self.started = True
                return stripped
            data = self.handle.read(size)
        return data


class _ItemGuard:
    """One <item> as it is read: past the limit, its children are dropped
    as they end, keeping only what names it in the report."""

    NAMING = ("wp:post_id", "wp:post_type", "title")
    __slots__ = ("elem", "stream", "names", "start", "cuts", "limit", "over", "naming")

    def __init__(self, elem: Element, stream: BoundedText, names: Names):
        self.elem = elem
        self.stream = stream
        self.names = names
        self.start = stream.consumed
        self.cuts = stream.cuts
        self.limit = stream.limit * ITEM_FACTOR
        self.over = False
        self.naming: dict[str, str] = {}

    def overflow(self) -> None:
        """Past the limit: children are dropped as they end from now on.
        (Events come queued behind the parser, so a child seen here may
        still be growing: only its end says it is whole.)"""
        self.over = True

    def child_ended(self, child: Element) -> None:
        self._name_from(child)
        self.elem.remove(child)

    def _name_from(self, child: Element) -> None:
        name = self.names.short(child.tag)
        if name in self.NAMING:
            self.naming.setdefault(name, (child.text or "").strip()[:200])

    def refused(self) -> OversizedItem | None:
        cut = any(OVERSIZE_MARK in (part.text or "") for part in self.elem.iter())
        if not (self.over or cut):
            return None
        for child in self.elem:
            self._name_from(child)
        self.elem.clear()
        post_id = self.naming.get("wp:post_id", "")
        return OversizedItem(
            wp_id=int(post_id) if post_id.isascii() and post_id.isdigit() else None,
            post_type=self.naming.get("wp:post_type", "post"),
            title=self.naming.get("title", ""),
            size=self.stream.consumed - self.start,
        )


def _read(
    handle: BinaryIO, brief: bool = False, max_post_bytes=DEFAULT_MAX_POST_BYTES
) -> Iterator[Record]:
    builders = {**BUILDERS, "item": build_item_brief} if brief else BUILDERS
    names = Names()
    channel = _Channel(names)
    stream = BoundedText(LeadingBlanksSkipped(handle), max_post_bytes)
    events = iterparse(
        stream,
        events=("start-ns", "start", "end"),
        forbid_dtd=True,
    )
    depth = 0
    root_seen = False
    channel_elem: Element | None = None
    item: _ItemGuard | None = None
    # Source offset past which the item being read is over its limit.
    deadline = NEVER
    try:
        for event, payload in events:
            if event == "start-ns":
                names.declare(payload[1])
                continue
            if event == "start":
                depth += 1
                name = names.short(payload.tag)
                if depth == 1:
                    root_seen = True
                    if name != "rss":
                        raise WXRError(wrong_root(name))
                elif depth == 2 and name == "channel":
                    channel_elem = payload
                elif depth == 3 and name in BUILDERS:
                    if not channel.emitted:
                        yield channel.emit()
                    if name == "item":
                        item = _ItemGuard(payload, stream, names)
                        deadline = item.start + item.limit
                elif depth > 3 and stream.consumed > deadline and item is not None:
                    item.overflow()
                    deadline = NEVER
                continue
            depth -= 1
            if depth == 3 and item is not None and item.over:
                item.child_ended(payload)
            elif depth == 2 and channel_elem is not None:
                name = names.short(payload.tag)
                refused = None
                if item is not None and (item.over or stream.cuts != item.cuts):
                    refused = item.refused()
                item, deadline = None, NEVER
                if refused is not None:
                    yield refused
                elif name in builders:
                    yield builders[name](payload, names)
                elif name in CHANNEL_FIELDS and not channel.emitted:
                    channel.fields.setdefault(name, (payload.text or "").strip())
                # Drop what has been read, so memory stays flat (#7).
                channel_elem.clear()
            elif depth == 1 and payload is channel_elem and not channel.emitted:
                yield channel.emit()
        if channel_elem is None:
            raise WXRError("not a WordPress export: no <channel> in <rss>")
    except ParseError as error:
        raise _parse_error(error, root_seen) from None
    except DTDForbidden:
        raise WXRError(DTD_REFUSED) from None
    except EntitiesForbidden:
        raise WXRError("refused: entity declaration (possible XML bomb)") from None
    except ExternalReferenceForbidden:
        raise WXRError("refused: external entity reference") from None
    except OSError as error:
        raise WXRError(f"cannot read export: {error.strerror or error}") from None


def _parse_error(error: ParseError, root_seen: bool) -> WXRError:
    line, column = error.position
    return WXRError(
        parse_error_message(error.code, line, column, str(error), root_seen),
        line=line,
    )


def wrong_root(name: str) -> str:
    """The refusal of a document whose root is not <rss>."""
    return f"not a WordPress export: root element is <{name[:40]}>, expected <rss>"


def parse_error_message(code, line, column, text: str, root_seen: bool) -> str:
    """One line for an expat error, the same from the reader and the check."""
    message = text.split(":", 1)[0]
    if not root_seen:
        return f"not XML: {message} at line {line}"
    if code in TRUNCATION_CODES:
        return f"truncated at line {line}"
    return f"malformed XML at line {line}, column {column}: {message}"
