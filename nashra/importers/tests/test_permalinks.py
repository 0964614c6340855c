"""Old WordPress URLs that must keep working after the move (redirects)."""

from datetime import UTC, datetime, timedelta, timezone

from nashra.importers.permalinks import (
    old_paths_for_author,
    old_paths_for_item,
    old_paths_for_site,
    old_paths_for_term,
)
from nashra.importers.wxr import Author, Category, Channel, Item, Tag

CHANNEL = Channel("نشرة", "https://news.example", "https://news.example",
                  "https://news.example", "ar", "1.2")  # fmt: skip
SLUG = "افتتاح-المكتبة"
ENCODED = (
    "%D8%A7%D9%81%D8%AA%D8%AA%D8%A7%D8%AD-%D8%A7%D9%84%D9%85%D9%83%D8%AA%D8%A8%D8%A9"
)


def make_item(**changes) -> Item:
    fields = {
        "wp_id": 42, "post_type": "post", "title": "افتتاح", "guid": "",
        "link": f"https://news.example/2024/03/01/{ENCODED.lower()}/",
        "status": "publish",
        "post_date_gmt": datetime(2024, 2, 29, 22, 30, tzinfo=UTC),
        "post_date": datetime(2024, 3, 1, 1, 30, tzinfo=timezone(timedelta(hours=3))),
        "slug": SLUG, "parent_id": 0, "menu_order": 0, "author": "mohrer",
        "excerpt": "", "content": "", "is_sticky": False, "password": "",
        "categories": (("category", "ثقافة", "ثقافة"),), "postmeta": {},
        "attachment_url": "", "comments": (),
    }  # fmt: skip
    fields.update(changes)
    return Item(**fields)


def test_post_paths_decoded_and_encoded():
    """Readers' bookmarks hold either form; both must redirect (habit 11)."""
    paths = old_paths_for_item(make_item(), CHANNEL)
    assert paths[0] == "/?p=42"
    assert f"/2024/03/01/{SLUG}/" in paths
    assert f"/2024/03/01/{ENCODED}/" in paths
    assert f"/2024/03/01/{ENCODED.lower()}/" in paths
    assert f"/2024/03/{SLUG}/" in paths
    assert f"/{SLUG}/" in paths
    assert f"/ثقافة/{SLUG}/" in paths
    assert f"/2024/03/01/{SLUG}/feed/" in paths


def test_dates_use_site_local_day():
    """Permalinks use the site's local date, which may differ from the UTC day."""
    paths = old_paths_for_item(make_item(), CHANNEL)
    assert not any(path.startswith("/2024/02/29/") for path in paths)


def test_page_attachment_and_private_types():
    page = make_item(
        post_type="page", link="https://news.example/من-نحن/", slug="من-نحن"
    )
    assert old_paths_for_item(page, CHANNEL)[:3] == [
        "/?p=42",
        "/?page_id=42",
        "/من-نحن/",
    ]
    attachment = make_item(
        post_type="attachment", link="https://news.example/?attachment_id=42"
    )
    assert "/?attachment_id=42" in old_paths_for_item(attachment, CHANNEL)
    assert old_paths_for_item(make_item(post_type="nav_menu_item"), CHANNEL) == []


def test_draft_without_slug_only_has_id():
    draft = make_item(slug="", link="https://news.example/?p=42", post_date=None,
                      post_date_gmt=None, categories=())  # fmt: skip
    assert old_paths_for_item(draft, CHANNEL) == ["/?p=42"]


def test_blog_in_subdirectory():
    channel = Channel("", "https://example.org/blog", "https://example.org",
                      "https://example.org/blog", "ar", "1.2")  # fmt: skip
    item = make_item(link="https://example.org/blog/خبر/", slug="خبر", categories=())
    paths = old_paths_for_item(item, channel)
    assert paths[0] == "/blog/?p=42"
    assert "/blog/خبر/" in paths


def test_category_path_uses_parents():
    parent = Category(1, "أخبار", "", "أخبار")
    child = Category(2, "محلية", "أخبار", "محلية")
    cats = {c.nicename: c for c in (parent, child)}
    paths = old_paths_for_term("category", child, CHANNEL, cats)
    assert paths[:2] == [
        "/category/أخبار/محلية/",
        "/category/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/%D9%85%D8%AD%D9%84%D9%8A%D8%A9/",
    ]
    assert "/category/أخبار/محلية/feed/" in paths and "/?cat=2" in paths
    item = make_item(categories=(("category", "محلية", "محلية"),))
    assert f"/أخبار/محلية/{SLUG}/" in old_paths_for_item(item, CHANNEL, cats)


def test_category_parent_loop_does_not_hang():
    a, b = Category(1, "a", "b", "A"), Category(2, "b", "a", "B")
    assert (
        old_paths_for_term("category", a, CHANNEL, {"a": a, "b": b})[0]
        == "/category/b/a/"
    )


def test_tag_author_and_site_feeds():
    tag = Tag(5, "انتخابات", "انتخابات")
    assert old_paths_for_term("post_tag", tag, CHANNEL)[0] == "/tag/انتخابات/"
    assert "/tag/انتخابات/feed/" in old_paths_for_term("tag", tag, CHANNEL)
    author = Author("Mohrer Ali", "", "", "", "", wp_id=3)
    assert old_paths_for_author(author, CHANNEL) == [
        "/author/mohrer-ali/", "/author/mohrer-ali/feed/", "/?author=3",
    ]  # fmt: skip
    assert "/feed/" in old_paths_for_site(CHANNEL)
