"""Internal links in converted blocks: found for the importer, then rewritten."""

import copy
import re
from html import escape, unescape
from urllib.parse import urlsplit

HREF = re.compile(r'(<a\b[^>]*?\bhref=")([^"]*)(")', re.IGNORECASE)
# Block types whose value is sanitised HTML.
HTML_TYPES = frozenset({"paragraph", "html"})


def _host(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def is_internal(href: str, site_host: str) -> bool:
    if href.startswith("#") or href.startswith("//") and not site_host:
        return False
    if href.startswith(("/", "?")):
        return not href.startswith("//") or _host("https:" + href) == site_host
    return bool(site_host) and href.startswith("http") and _host(href) == site_host


def internal_links(blocks: list[dict], site_url: str) -> list[str]:
    """Distinct hrefs pointing at the old site, in order of appearance."""
    site_host = _host(site_url)
    found: dict[str, None] = {}
    for html in _html_values(blocks):
        for match in HREF.finditer(html):
            href = unescape(match.group(2))
            if is_internal(href, site_host):
                found.setdefault(href, None)
    return list(found)


def _html_values(blocks: list[dict]):
    for item in blocks:
        if item.get("type") in HTML_TYPES and isinstance(item.get("value"), str):
            yield item["value"]


def rewrite_links(blocks: list[dict], mapping: dict[str, str]) -> list[dict]:
    """A copy of blocks with each href found in mapping replaced.

    The fragment is kept: "old/#part" maps through "old/" and keeps "#part".
    """
    result = copy.deepcopy(blocks)

    def replace(match: re.Match) -> str:
        href = unescape(match.group(2))
        base, hash_mark, fragment = href.partition("#")
        new = mapping.get(href)
        if new is None and base in mapping:
            new = mapping[base] + hash_mark + fragment
        if new is None:
            return match.group(0)
        return match.group(1) + escape(new) + match.group(3)

    for item in result:
        if item.get("type") in HTML_TYPES and isinstance(item.get("value"), str):
            item["value"] = HREF.sub(replace, item["value"])
    return result
