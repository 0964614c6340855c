"""REST records → WXR → the export reader: the same records an export gives (#21)."""

import tempfile
from pathlib import Path

import pytest

from nashra.importers.site import wxrout
from nashra.importers.wxr import Author, Category, Channel, Item, Tag, read_export

pytestmark = pytest.mark.same_on_every_database

SITE = {
    "name": "شبكة الأخبار",
    "url": "http://127.0.0.1:8081",
    "home": "http://127.0.0.1:8081",
}
POST = {
    "id": 7, "date": "2025-06-01T14:30:00", "date_gmt": "2025-06-01T11:30:00",
    "modified_gmt": "2025-06-02T08:00:00", "guid": {"rendered": "http://127.0.0.1:8081/?p=7"},
    "slug": "%d8%ae%d8%a8%d8%b1", "status": "publish", "link": "http://127.0.0.1:8081/world/خبر/",
    "title": {"rendered": "خبر &#8220;عاجل&#8221;"},
    "content": {"rendered": "<p>نص ]]> فيه</p>\x0b"}, "excerpt": {"rendered": "<p>موجز</p>"},
    "author": 3, "featured_media": 12, "comment_status": "closed", "sticky": True,
    "categories": [2], "tags": [9], "meta": {"tie_views": "1532", "flag": True},
}  # fmt: skip
COMMENT = {
    "id": 40, "post": 7, "parent": 0, "author": 0, "author_name": "قارئ",
    "author_url": "", "date_gmt": "2025-06-03T10:00:00",
    "content": {"rendered": "<p>رأي &amp; تعليق</p>\n"}, "approved": "1", "type": "comment",
}  # fmt: skip


def records():
    parts = [
        wxrout.author({"id": 3, "slug": "editor", "name": "المحرر"}),
        wxrout.category({"id": 2, "slug": "world", "name": "أخبار العالم", "parent": 0}, {}),
        wxrout.tag({"id": 9, "slug": "%d9%86%d9%81%d8%b7", "name": "نفط"}),
        wxrout.item(POST, kind="post", users={3: "editor"},
                    terms={2: ("category", "world", "أخبار العالم"), 9: ("post_tag", "%d9%86%d9%81%d8%b7", "نفط")},
                    comments=[COMMENT]),
    ]  # fmt: skip
    path = Path(tempfile.mkdtemp()) / "site.xml"
    path.write_bytes(wxrout.export(SITE, SITE["url"], parts))
    return list(read_export(path))


def test_the_reader_reads_what_the_writer_wrote():
    channel, author, category, tag, item = records()
    assert isinstance(channel, Channel) and channel.base_blog_url == SITE["home"]
    assert isinstance(author, Author) and (author.login, author.wp_id) == ("editor", 3)
    assert isinstance(category, Category) and category.nicename == "world"
    assert isinstance(tag, Tag) and tag.slug == "نفط"
    assert isinstance(item, Item)
    assert (item.wp_id, item.slug, item.status, item.author) == (
        7,
        "خبر",
        "publish",
        "editor",
    )
    assert item.title == "خبر \u201cعاجل\u201d"
    # "]]>" survives the CDATA; a control character XML cannot carry is dropped.
    assert item.content == "<p>نص ]]> فيه</p>"
    assert item.is_sticky and item.comment_status == "closed"
    assert item.terms("category") == ["world"] and item.terms("post_tag") == ["نفط"]
    assert item.postmeta == {"tie_views": "1532", "_thumbnail_id": "12"}
    assert item.post_date_gmt.isoformat() == "2025-06-01T11:30:00+00:00"
    assert not item.problems


def test_a_comment_as_text_as_an_export_has_it():
    comment = records()[-1].comments[0]
    assert (comment.wp_id, comment.author, comment.approved) == (40, "قارئ", "1")
    assert comment.content == "رأي & تعليق"
