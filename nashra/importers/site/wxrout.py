"""REST records → a WXR export, so a site read live goes through the very
reader, checks and write path of an exported file (#21). Without Django.

What REST gives differently from an export:
- content and excerpt are WordPress's rendered HTML unless the site was read
  with an application password (then the raw, as saved by the editor);
- a comment's e-mail and IP come only with a password;
- post meta only for keys a plugin registered for REST.
"""

import html
import re
from xml.sax.saxutils import escape, quoteattr

WXR = "1.2"
NS = f"http://wordpress.org/export/{WXR}/"
_TAG = re.compile(r"<[^>]+>")
# XML 1.0 cannot carry these even escaped.
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _text(value) -> str:
    return escape(_BAD_XML.sub("", str(value if value is not None else "")))


def _cdata(value) -> str:
    text = _BAD_XML.sub("", str(value or ""))
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _rendered(field, raw: bool = True) -> str:
    if isinstance(field, dict):
        if raw and "raw" in field:
            return field.get("raw") or ""
        return field.get("rendered") or ""
    return str(field or "")


def plain(field) -> str:
    """A title or comment as text: REST renders them as HTML."""
    return html.unescape(_TAG.sub("", _rendered(field))).strip()


def _date(value) -> str:
    """REST's 2025-06-01T11:30:00 → WXR's 2025-06-01 11:30:00."""
    return (value or "0000-00-00T00:00:00").replace("T", " ")[:19]


def channel(site: dict, url: str) -> str:
    home = (site.get("home") or url).rstrip("/")
    return (
        f"<title>{_text(site.get('name', ''))}</title><link>{_text(home)}</link>"
        f"<description>{_text(site.get('description', ''))}</description>"
        f"<language>{_text(site.get('language', ''))}</language>"
        f"<wp:wxr_version>{WXR}</wp:wxr_version>"
        f"<wp:base_site_url>{_text(site.get('url') or home)}</wp:base_site_url>"
        f"<wp:base_blog_url>{_text(home)}</wp:base_blog_url>\n"
    )


def author(user: dict) -> str:
    return (
        f"<wp:author><wp:author_id>{int(user['id'])}</wp:author_id>"
        f"<wp:author_login>{_cdata(user.get('slug', ''))}</wp:author_login>"
        f"<wp:author_email>{_cdata(user.get('email', ''))}</wp:author_email>"
        f"<wp:author_display_name>{_cdata(user.get('name', ''))}</wp:author_display_name>"
        "</wp:author>\n"
    )


def category(term: dict, slugs: dict[int, str]) -> str:
    return (
        f"<wp:category><wp:term_id>{int(term['id'])}</wp:term_id>"
        f"<wp:category_nicename>{_cdata(term.get('slug', ''))}</wp:category_nicename>"
        f"<wp:category_parent>{_cdata(slugs.get(term.get('parent') or 0, ''))}"
        f"</wp:category_parent><wp:cat_name>{_cdata(html.unescape(term.get('name', '')))}"
        f"</wp:cat_name><wp:category_description>{_cdata(term.get('description', ''))}"
        "</wp:category_description></wp:category>\n"
    )


def tag(term: dict) -> str:
    return (
        f"<wp:tag><wp:term_id>{int(term['id'])}</wp:term_id>"
        f"<wp:tag_slug>{_cdata(term.get('slug', ''))}</wp:tag_slug>"
        f"<wp:tag_name>{_cdata(html.unescape(term.get('name', '')))}</wp:tag_name>"
        f"<wp:tag_description>{_cdata(term.get('description', ''))}</wp:tag_description>"
        "</wp:tag>\n"
    )


def comment(record: dict) -> str:
    content = record.get("content") or {}
    body = (
        content.get("raw") if isinstance(content, dict) and "raw" in content else None
    )
    if body is None:
        body = html.unescape(_TAG.sub("", _rendered(content))).strip()
    return (
        f"<wp:comment><wp:comment_id>{int(record['id'])}</wp:comment_id>"
        f"<wp:comment_author>{_cdata(record.get('author_name', ''))}</wp:comment_author>"
        f"<wp:comment_author_email>{_cdata(record.get('author_email', ''))}"
        f"</wp:comment_author_email>"
        f"<wp:comment_author_url>{_text(record.get('author_url', ''))}</wp:comment_author_url>"
        f"<wp:comment_author_IP>{_text(record.get('author_ip', ''))}</wp:comment_author_IP>"
        f"<wp:comment_date_gmt>{_date(record.get('date_gmt'))}</wp:comment_date_gmt>"
        f"<wp:comment_content>{_cdata(body)}</wp:comment_content>"
        f"<wp:comment_approved>{_text(record.get('approved', '1'))}</wp:comment_approved>"
        f"<wp:comment_type>{_text(record.get('type', 'comment'))}</wp:comment_type>"
        f"<wp:comment_parent>{int(record.get('parent') or 0)}</wp:comment_parent>"
        f"<wp:comment_user_id>{int(record.get('author') or 0)}</wp:comment_user_id>"
        "</wp:comment>\n"
    )


def item(post: dict, *, kind: str, users: dict[int, str], terms: dict[int, tuple],
         comments=()) -> str:  # fmt: skip
    """One post, page or attachment. ``terms`` maps a term id to
    (domain, slug, name); ``users`` a user id to its login (slug)."""
    parts = [
        f"<item><title>{_text(plain(post.get('title')))}</title>",
        f"<link>{_text(post.get('link', ''))}</link>",
        f"<dc:creator>{_cdata(users.get(post.get('author') or 0, ''))}</dc:creator>",
        f'<guid isPermaLink="false">{_text(_rendered(post.get("guid")))}</guid>',
        f"<content:encoded>{_cdata(_rendered(post.get('content')))}</content:encoded>",
        f"<excerpt:encoded>{_cdata(_rendered(post.get('excerpt')))}</excerpt:encoded>",
        f"<wp:post_id>{int(post['id'])}</wp:post_id>",
        f"<wp:post_date>{_date(post.get('date'))}</wp:post_date>",
        f"<wp:post_date_gmt>{_date(post.get('date_gmt'))}</wp:post_date_gmt>",
        f"<wp:post_modified_gmt>{_date(post.get('modified_gmt'))}</wp:post_modified_gmt>",
        f"<wp:comment_status>{_text(post.get('comment_status', ''))}</wp:comment_status>",
        f"<wp:post_name>{_cdata(post.get('slug', ''))}</wp:post_name>",
        f"<wp:status>{_text(_status(post, kind))}</wp:status>",
        f"<wp:post_parent>{int(post.get('parent') or post.get('post') or 0)}</wp:post_parent>",
        f"<wp:menu_order>{int(post.get('menu_order') or 0)}</wp:menu_order>",
        f"<wp:post_type>{kind}</wp:post_type>",
        f"<wp:post_password>{_cdata(post.get('password', ''))}</wp:post_password>",
        f"<wp:is_sticky>{1 if post.get('sticky') else 0}</wp:is_sticky>",
    ]
    if kind == "attachment":
        parts.append(f"<wp:attachment_url>{_text(post.get('source_url', ''))}"
                     "</wp:attachment_url>")  # fmt: skip
    for term_id in (*post.get("categories", ()), *post.get("tags", ())):
        if term_id in terms:
            domain, slug, name = terms[term_id]
            parts.append(f"<category domain={quoteattr(domain)} nicename={quoteattr(slug)}>"
                         f"{_cdata(name)}</category>")  # fmt: skip
    meta = dict(post.get("meta") or {}) if isinstance(post.get("meta"), dict) else {}
    if post.get("featured_media"):
        meta["_thumbnail_id"] = post["featured_media"]
    for key, value in meta.items():
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            parts.append(f"<wp:postmeta><wp:meta_key>{_cdata(key)}</wp:meta_key>"
                         f"<wp:meta_value>{_cdata(value)}</wp:meta_value></wp:postmeta>")  # fmt: skip
    parts.extend(comment(c) for c in comments)
    parts.append("</item>\n")
    return "".join(parts)


def _status(post: dict, kind: str) -> str:
    if kind == "attachment":
        return "inherit"
    return post.get("status") or "publish"


def export(site: dict, url: str, body_parts) -> bytes:
    """The whole file, around the given author/term/item markup."""
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<rss version="2.0" xmlns:excerpt="{NS}excerpt/"'
        ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
        f' xmlns:wp="{NS}">\n<channel>\n'
    )
    return (
        head + channel(site, url) + "".join(body_parts) + "</channel>\n</rss>\n"
    ).encode()
