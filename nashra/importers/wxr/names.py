"""Namespace-independent element names for WXR.

WordPress has written the wp namespace as http and https and with versions
1.0, 1.1 and 1.2, so elements are matched by the shape of their namespace URI,
not by one fixed string.
"""

import re

KNOWN_VERSIONS = frozenset({"1.0", "1.1", "1.2"})

WP_NAMESPACE = re.compile(
    r"^https?://(?:www\.)?wordpress\.(?:org|com)/export/([^/]+)/?$"
)
# excerpt has been .../export/1.x/excerpt/ and, on some hosts, .../extension/excerpt/.
EXCERPT_NAMESPACE = re.compile(r"^https?://[^/]+/(?:export/[^/]+|extension)/excerpt/?$")
CONTENT_NAMESPACE = "http://purl.org/rss/1.0/modules/content/"
DC_NAMESPACE = "http://purl.org/dc/elements/1.1/"


class Names:
    """Maps ``{uri}local`` tags to short names ("wp:post_id", "title" …)."""

    def __init__(self):
        self._cache: dict[str, str] = {}
        # Version taken from the first wp namespace URI seen, e.g. "1.2".
        self.wp_version: str | None = None

    def declare(self, uri: str) -> None:
        match = WP_NAMESPACE.match(uri)
        if match and self.wp_version is None:
            self.wp_version = match.group(1)

    def short(self, tag: str) -> str:
        name = self._cache.get(tag)
        if name is None:
            name = self._cache[tag] = _shorten(tag)
        return name


def _shorten(tag: str) -> str:
    if not tag.startswith("{"):
        return tag
    uri, _, local = tag[1:].partition("}")
    if WP_NAMESPACE.match(uri):
        return "wp:" + local
    if EXCERPT_NAMESPACE.match(uri):
        return "excerpt:" + local
    if uri == CONTENT_NAMESPACE:
        return "content:" + local
    if uri == DC_NAMESPACE:
        return "dc:" + local
    return "other:" + local
