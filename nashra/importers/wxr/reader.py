"""Streaming WXR reader: constant memory, hostile input refused in one line."""

import os
from collections.abc import Iterator
from typing import BinaryIO
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import iterparse

from .build import (
    build_author,
    build_category,
    build_item,
    build_item_brief,
    build_tag,
    build_term,
)
from .names import KNOWN_VERSIONS, Names
from .records import Channel, Problem, Record, WXRError

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
NO_WP_NAMESPACE = (
    "not a WordPress export: no wp namespace (http://wordpress.org/export/1.2/)"
)


def read_export(
    source: str | os.PathLike | BinaryIO, *, brief: bool = False
) -> Iterator[Record]:
    """Yield Channel, then Authors, terms and Items in file order.

    brief: items other than attachments come as ItemRef (type and id).
    Raises WXRError for unreadable input; records yielded before it are valid.
    """
    if isinstance(source, str | os.PathLike):
        try:
            handle = open(source, "rb")
        except OSError as error:
            raise WXRError(f"cannot open export: {error.strerror}") from None
        with handle:
            yield from _read(handle, brief)
    else:
        yield from _read(source, brief)


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


class _LeadingBlanksSkipped:
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


def _read(handle: BinaryIO, brief: bool = False) -> Iterator[Record]:
    builders = {**BUILDERS, "item": build_item_brief} if brief else BUILDERS
    names = Names()
    channel = _Channel(names)
    events = iterparse(
        _LeadingBlanksSkipped(handle),
        events=("start-ns", "start", "end"),
        forbid_dtd=True,
    )
    depth = 0
    root_seen = False
    channel_elem: Element | None = None
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
                        raise WXRError(
                            f"not a WordPress export: root element is <{name[:40]}>,"
                            " expected <rss>"
                        )
                elif depth == 2 and name == "channel":
                    channel_elem = payload
                elif depth == 3 and name in BUILDERS and not channel.emitted:
                    yield channel.emit()
                continue
            depth -= 1
            if depth == 2 and channel_elem is not None:
                name = names.short(payload.tag)
                if name in builders:
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
        raise WXRError(
            "refused: the file declares a DTD, which WordPress exports never do"
            " (possible XML bomb or external entity)"
        ) from None
    except EntitiesForbidden:
        raise WXRError("refused: entity declaration (possible XML bomb)") from None
    except ExternalReferenceForbidden:
        raise WXRError("refused: external entity reference") from None
    except OSError as error:
        raise WXRError(f"cannot read export: {error.strerror or error}") from None


def _parse_error(error: ParseError, root_seen: bool) -> WXRError:
    line, column = error.position
    message = str(error).split(":", 1)[0]
    if not root_seen:
        return WXRError(f"not XML: {message} at line {line}", line=line)
    if error.code in TRUNCATION_CODES:
        return WXRError(f"truncated at line {line}", line=line)
    return WXRError(
        f"malformed XML at line {line}, column {column}: {message}", line=line
    )
