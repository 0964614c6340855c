"""Which kind of page a path is, for the metrics' labels (#17). Pure Python.

From the path alone, so a cache hit answered before Django's routing gets
the same label as the miss that rendered it. Wagtail pages are told apart
by depth: one segment is a section (or a standard page), more an article.
"""

FIXED = {
    "/": "home",
    "/robots.txt": "feed",
    "/sitemap.xml": "feed",
    "/favicon.ico": "static",
    "/healthz": "health",
    "/readyz": "health",
    "/metrics": "metrics",
}
PREFIXES = (
    ("/static/", "static"),
    ("/media/", "media"),
    ("/admin/", "admin"),
    ("/api/", "api"),
    ("/search/", "search"),
    ("/tag/", "tag"),
    ("/author/", "author"),
    ("/comments/", "comments"),
    ("/theme/seen/", "beacon"),
    ("/sitemaps/", "feed"),
    ("/documents/", "document"),
    ("/a/", "short-link"),
)
FEED_ENDINGS = ("/rss/", "/atom/")
KINDS = (
    *sorted(set(FIXED.values()) | {kind for _, kind in PREFIXES}),
    "section",
    "article",
)


def page_kind(path):
    kind = FIXED.get(path)
    if kind is not None:
        return kind
    for prefix, kind in PREFIXES:
        if path.startswith(prefix):
            return kind
    if path.endswith(FEED_ENDINGS):
        return "feed"
    depth = len([part for part in path.split("/") if part])
    return "section" if depth <= 1 else "article"
