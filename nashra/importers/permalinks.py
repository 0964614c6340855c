"""Old WordPress URLs that should redirect to an imported page (#7).

Paths are returned without the host, both IRI-decoded and percent-encoded
(the redirect middleware looks up the decoded path first, then the encoded
one), and with the query string where WordPress used one (?p=ID).
"""

from collections.abc import Mapping
from urllib.parse import quote, unquote, urlsplit

from .wxr.records import Author, Category, Channel, Item, Tag, Term

# Post types with a public URL; menus, templates and styles have none.
PUBLIC_TYPES = frozenset({"post", "page", "attachment"})
ID_QUERY = {"post": "p", "page": "page_id", "attachment": "attachment_id"}
PRIVATE_TYPES = frozenset(
    {
        "nav_menu_item", "revision", "custom_css", "customize_changeset",
        "oembed_cache", "user_request", "wp_block", "wp_template",
        "wp_template_part", "wp_global_styles", "wp_navigation", "wp_font_family",
        "wp_font_face",
    }
)  # fmt: skip


def _prefix(channel: Channel) -> str:
    """The blog's path under its host ("" or e.g. "/blog")."""
    base = channel.base_blog_url or channel.link
    return urlsplit(base).path.rstrip("/")


def _forms(path: str) -> list[str]:
    """Decoded, canonical-encoded and as-written forms of one path."""
    decoded = unquote(path)
    encoded = quote(decoded, safe="/?=&%:@!$'()*+,;~-._")
    return list(dict.fromkeys([decoded, encoded, path]))


def _collect(paths: list[str]) -> list[str]:
    out: dict[str, None] = {}
    for path in paths:
        for form in _forms(path):
            out.setdefault(form, None)
    return list(out)


def _slash(*segments: str) -> str:
    return "/" + "/".join(s.strip("/") for s in segments if s.strip("/")) + "/"


def _link_path(link: str, prefix: str) -> str | None:
    parts = urlsplit(link)
    if not parts.path and not parts.query:
        return None
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    return path if path.startswith(prefix or "/") else None


def category_path(nicename: str, categories: Mapping[str, Category]) -> str:
    """ "parent/child" from the channel's categories; loops are cut."""
    names = [nicename]
    seen = {nicename}
    current = categories.get(nicename)
    while current and current.parent and current.parent not in seen:
        names.insert(0, current.parent)
        seen.add(current.parent)
        current = categories.get(current.parent)
    return "/".join(names)


def old_paths_for_item(
    item: Item, channel: Channel, categories: Mapping[str, Category] | None = None
) -> list[str]:
    """Old paths of a post, page or attachment; [] for types without a URL.

    ``categories`` (nicename → Category) lets /%category%/%postname%/ use
    the full parent/child path, as WordPress does.
    """
    if item.post_type in PRIVATE_TYPES or item.wp_id is None:
        return []
    prefix = _prefix(channel)
    paths = [f"{prefix}/?p={item.wp_id}"]
    query = ID_QUERY.get(item.post_type)
    if query and query != "p":
        paths.append(f"{prefix}/?{query}={item.wp_id}")
    own = _link_path(item.link, prefix)
    if own:
        paths.append(own)
        if "?" not in own:
            paths.append(own.rstrip("/") + "/feed/")
    if item.post_type == "post" and item.slug:
        slug = item.slug
        date = item.post_date or item.post_date_gmt
        if date:
            paths.append(_slash(prefix, f"{date:%Y/%m/%d}", slug))
            paths.append(_slash(prefix, f"{date:%Y/%m}", slug))
        paths.append(_slash(prefix, slug))
        for nicename in item.terms("category"):
            if nicename:
                path = category_path(nicename, categories or {})
                paths.append(_slash(prefix, path, slug))
    elif item.post_type == "page" and item.slug and not own:
        paths.append(_slash(prefix, item.slug))
    return _collect(paths)


def old_paths_for_term(
    kind: str,
    term: Category | Tag | Term,
    channel: Channel,
    categories: Mapping[str, Category] | None = None,
) -> list[str]:
    """Archive and feed paths of a category, tag or other public taxonomy term."""
    prefix = _prefix(channel)
    if isinstance(term, Category):
        slug = category_path(term.nicename, categories or {})
    elif isinstance(term, Tag):
        slug = term.slug
    else:
        slug = term.slug
    if not slug:
        return []
    base = {"category": "category", "tag": "tag", "post_tag": "tag"}.get(kind, kind)
    paths = [_slash(prefix, base, slug), _slash(prefix, base, slug, "feed")]
    if base == "category" and term.term_id is not None:
        paths.append(f"{prefix}/?cat={term.term_id}")
    elif base == "tag":
        paths.append(f"{prefix}/?tag={quote(slug)}")
    return _collect(paths)


def author_nicename(login: str) -> str:
    """WordPress's user_nicename is the login lower-cased, spaces as hyphens."""
    return "-".join(login.strip().lower().split())


def old_paths_for_author(author: Author, channel: Channel) -> list[str]:
    prefix = _prefix(channel)
    name = author_nicename(author.login)
    if not name:
        return []
    paths = [_slash(prefix, "author", name), _slash(prefix, "author", name, "feed")]
    if author.wp_id is not None:
        paths.append(f"{prefix}/?author={author.wp_id}")
    return _collect(paths)


def old_paths_for_site(channel: Channel) -> list[str]:
    """Site-wide feeds that readers' feed readers still poll."""
    prefix = _prefix(channel)
    return _collect(
        [
            _slash(prefix, "feed"),
            _slash(prefix, "comments", "feed"),
            f"{prefix}/?feed=rss2",
        ]
    )
