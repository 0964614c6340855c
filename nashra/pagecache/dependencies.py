"""Which groups a cached response depends on (#8).

A served page says its own (``cache_dependencies()``, nashra.core.groups);
other views are known by their URL name, or set ``request.pagecache_groups``.
"""

from nashra.core import groups


def for_served_page(served, tags=None):
    """The groups of a Wagtail page served to a reader; ``tags`` saves a query
    when the page's context already holds them."""
    specific = served.specific
    declared = getattr(specific, "cache_dependencies", None)
    if declared is None:
        return {groups.page(served.pk)}
    return declared(tags=tags)


def for_view(match):
    """The groups of a non-page view, from its URL name and arguments."""
    if match is None:
        return {groups.FRONT}
    name = match.view_name
    kwargs = match.kwargs
    if name == "articles:tag":
        return {groups.tag(kwargs.get("slug"))}
    if name == "articles:author":
        return {groups.author(kwargs.get("slug"))}
    if name in ("live:tail", "live:feed", "live_api:entries"):
        # Entries change only their page; the tail is asked every second (#15).
        return {groups.page(kwargs.get("pk"))}
    if name == "sections:menu":
        # A menu panel's stories (#20): the section's group, which a publish
        # in any of its sub-sections bumps too.
        return {groups.section(kwargs.get("pk"))}
    if name.startswith("feeds:comments"):
        return {groups.page(kwargs.get("pk")), groups.FRONT}
    return {groups.FRONT}
