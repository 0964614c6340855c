"""Builds records from complete WXR elements (one <item>, <wp:author> …)."""

from xml.etree.ElementTree import Element

from .fields import decode_slug, parse_gmt, parse_int, parse_local
from .names import Names
from .records import Author, Category, Comment, Item, ItemRef, Problem, Tag, Term


def _fields(elem: Element, names: Names) -> dict[str, str]:
    """Text of each child by short name; the first occurrence wins."""
    found: dict[str, str] = {}
    for child in elem:
        found.setdefault(names.short(child.tag), (child.text or "").strip())
    return found


def _optional_id(text: str, what: str, problems: list[Problem]) -> int | None:
    return parse_int(text, what, problems, default=None)


def build_author(elem: Element, names: Names) -> Author:
    f = _fields(elem, names)
    return Author(
        login=f.get("wp:author_login", ""),
        email=f.get("wp:author_email", ""),
        display_name=f.get("wp:author_display_name", ""),
        first_name=f.get("wp:author_first_name", ""),
        last_name=f.get("wp:author_last_name", ""),
        wp_id=_optional_id(f.get("wp:author_id", ""), "author_id", []),
    )


def build_category(elem: Element, names: Names) -> Category:
    f = _fields(elem, names)
    return Category(
        term_id=_optional_id(f.get("wp:term_id", ""), "term_id", []),
        nicename=decode_slug(f.get("wp:category_nicename", "")),
        parent=decode_slug(f.get("wp:category_parent", "")),
        name=f.get("wp:cat_name", ""),
        description=f.get("wp:category_description", ""),
    )


def build_tag(elem: Element, names: Names) -> Tag:
    f = _fields(elem, names)
    return Tag(
        term_id=_optional_id(f.get("wp:term_id", ""), "term_id", []),
        slug=decode_slug(f.get("wp:tag_slug", "")),
        name=f.get("wp:tag_name", ""),
        description=f.get("wp:tag_description", ""),
    )


def build_term(elem: Element, names: Names) -> Term:
    f = _fields(elem, names)
    return Term(
        term_id=_optional_id(f.get("wp:term_id", ""), "term_id", []),
        taxonomy=f.get("wp:term_taxonomy", ""),
        slug=decode_slug(f.get("wp:term_slug", "")),
        parent=decode_slug(f.get("wp:term_parent", "")),
        name=f.get("wp:term_name", ""),
        description=f.get("wp:term_description", ""),
    )


def _meta(elem: Element, names: Names) -> tuple[str, str]:
    f = _fields(elem, names)
    return f.get("wp:meta_key", ""), f.get("wp:meta_value", "")


def build_comment(elem: Element, names: Names, problems: list[Problem]) -> Comment:
    f = _fields(elem, names)
    meta: dict[str, str] = {}
    for child in elem:
        if names.short(child.tag) == "wp:commentmeta":
            key, value = _meta(child, names)
            meta.setdefault(key, value)
    comment_id = _optional_id(f.get("wp:comment_id", ""), "comment_id", problems)
    return Comment(
        wp_id=comment_id,
        parent_id=parse_int(f.get("wp:comment_parent", ""), "comment_parent", problems),
        author=f.get("wp:comment_author", ""),
        email=f.get("wp:comment_author_email", ""),
        url=f.get("wp:comment_author_url", ""),
        ip=f.get("wp:comment_author_IP", ""),
        date_gmt=parse_gmt(
            f.get("wp:comment_date_gmt", ""), f"comment {comment_id} date", problems
        ),
        content=f.get("wp:comment_content", ""),
        approved=f.get("wp:comment_approved", ""),
        type=f.get("wp:comment_type", ""),
        user_id=parse_int(f.get("wp:comment_user_id", ""), "comment_user_id", problems),
        meta=meta,
    )


def build_item_brief(elem: Element, names: Names) -> Item | ItemRef:
    """An attachment whole; any other item only by type and id.

    The import's first pass needs whole attachments but of posts and pages
    only their count and ids: building their content, comments and dates
    there was a tenth of an import's CPU (#7).
    """
    fields: dict[str, str] = {}
    for child in elem:
        name = names.short(child.tag)
        if name in ("wp:post_type", "wp:post_id"):
            fields.setdefault(name, (child.text or "").strip())
            if len(fields) == 2:
                break
    post_type = fields.get("wp:post_type", "post")
    if post_type == "attachment":
        return build_item(elem, names)
    return ItemRef(
        wp_id=_optional_id(fields.get("wp:post_id", ""), "post_id", []),
        post_type=post_type,
    )


def build_item(elem: Element, names: Names) -> Item:
    problems: list[Problem] = []
    categories: list[tuple[str, str, str]] = []
    bare_categories: list[str] = []
    postmeta: dict[str, str] = {}
    comments: list[Comment] = []
    fields: dict[str, str] = {}
    for child in elem:
        name = names.short(child.tag)
        if name == "category":
            domain = child.get("domain")
            text = (child.text or "").strip()
            if domain:
                nicename = decode_slug(child.get("nicename", ""), problems)
                categories.append((domain, nicename, text))
            else:
                # WXR 1.0 repeats each category without domain/nicename.
                bare_categories.append(text)
        elif name == "wp:postmeta":
            key, value = _meta(child, names)
            postmeta.setdefault(key, value)
        elif name == "wp:comment":
            comments.append(build_comment(child, names, problems))
        elif name in ("content:encoded", "excerpt:encoded"):
            # Leading/trailing whitespace in content is the author's.
            fields.setdefault(name, child.text or "")
        else:
            fields.setdefault(name, (child.text or "").strip())
    named = {name for _, _, name in categories}
    for text in bare_categories:
        if text not in named:
            categories.append(("category", "", text))

    wp_id = _optional_id(fields.get("wp:post_id", ""), "post_id", problems)
    gmt = parse_gmt(fields.get("wp:post_date_gmt", ""), "post_date_gmt", problems)
    local = parse_local(fields.get("wp:post_date", ""), gmt, "post_date", problems)
    return Item(
        wp_id=wp_id,
        post_type=fields.get("wp:post_type", "post"),
        title=fields.get("title", ""),
        link=fields.get("link", ""),
        guid=fields.get("guid", ""),
        status=fields.get("wp:status", ""),
        post_date_gmt=gmt,
        post_date=local,
        slug=decode_slug(fields.get("wp:post_name", ""), problems),
        parent_id=parse_int(fields.get("wp:post_parent", ""), "post_parent", problems),
        menu_order=parse_int(fields.get("wp:menu_order", ""), "menu_order", problems),
        author=fields.get("dc:creator", ""),
        excerpt=fields.get("excerpt:encoded", ""),
        content=fields.get("content:encoded", ""),
        is_sticky=fields.get("wp:is_sticky", "0") == "1",
        password=fields.get("wp:post_password", ""),
        categories=tuple(categories),
        postmeta=postmeta,
        attachment_url=fields.get("wp:attachment_url", ""),
        comments=tuple(comments),
        comment_status=fields.get("wp:comment_status", ""),
        problems=tuple(problems),
    )
