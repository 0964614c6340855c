"""The reader against the repository's own newsroom export (#12).

exports/madina.wordpress.xml is small and hand-written to hold what a real
Arabic newsroom's export holds, so these run in every clone.
"""

from collections import Counter
from datetime import UTC, datetime

import pytest

from nashra.importers.wxr import (
    Author,
    Category,
    Channel,
    Item,
    ItemRef,
    Tag,
    Term,
    read_export,
)

from .fixtures import MADINA


@pytest.fixture(scope="module")
def madina():
    return list(read_export(MADINA))


def items(records):
    return {r.wp_id: r for r in records if isinstance(r, Item)}


def test_counts_per_type(madina):
    """Nothing may be dropped silently: every kind of record is read."""
    counts = Counter(r.post_type for r in madina if isinstance(r, Item))
    assert counts == {"post": 8, "page": 3, "attachment": 3, "nav_menu_item": 1}
    kinds = Counter(type(r) for r in madina)
    assert kinds[Category] == 6 and kinds[Tag] == 4 and kinds[Term] == 1
    assert kinds[Author] == 3 and isinstance(madina[0], Channel)


def test_channel(madina):
    channel = madina[0]
    assert (channel.title, channel.language) == ("صحيفة المدينة", "ar")
    assert channel.wxr_version == "1.2" and channel.problems == ()
    assert channel.base_blog_url == "https://madina.example"


def test_brief_reading_keeps_attachments_whole_and_the_rest_by_id(madina):
    """The import's first pass reads posts by type and id only (#7)."""
    brief = list(read_export(MADINA, brief=True))
    assert len(brief) == len(madina)
    for whole, short in zip(madina, brief, strict=True):
        if isinstance(whole, Item) and whole.post_type != "attachment":
            assert short == ItemRef(wp_id=whole.wp_id, post_type=whole.post_type)
        else:
            assert short == whole


def test_comments_threads_pending_and_pingbacks(madina):
    """Threads, pingbacks and unapproved comments must survive for moderation."""
    comments = {c.wp_id: c for r in madina if isinstance(r, Item) for c in r.comments}
    assert len(comments) == 6
    assert (comments[502].parent_id, comments[503].parent_id) == (501, 502)
    assert comments[502].user_id == 2
    assert comments[504].approved == "0"
    assert comments[505].type == "pingback"
    assert comments[501].date_gmt == datetime(2026, 3, 2, 10, 5, tzinfo=UTC)


def test_arabic_slugs_are_decoded(madina):
    """Arabic slugs are stored percent-encoded; pages and redirects need Unicode."""
    by_id = items(madina)
    assert by_id[101].slug == "نتائج-الانتخابات-البلدية"
    assert by_id[151].slug == "فريق-التحرير"
    categories = {r.nicename: r.parent for r in madina if isinstance(r, Category)}
    assert categories["انتخابات"] == "سياسة" and categories["سياسة"] == "أخبار"
    assert not any("%" in r.slug for r in by_id.values())


def test_field_spot_checks(madina):
    by_id = items(madina)
    post = by_id[101]
    assert post.post_date_gmt == datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    # The site's +03:00 is recovered from post_date minus post_date_gmt.
    assert post.post_date.utcoffset().total_seconds() == 3 * 3600
    assert (post.author, post.postmeta["_thumbnail_id"]) == ("layla", "201")
    assert [r.slug for r in by_id.values() if r.is_sticky] == ["إغلاق-الطريق-الصحراوي"]
    assert [r.password for r in by_id.values() if r.password] == ["madina"]
    assert by_id[104].status == "future" and by_id[104].post_date_gmt.year == 2030
    assert by_id[151].parent_id == 150
    attachment = by_id[201]
    assert attachment.attachment_url.endswith("/2026/03/polling.jpg")
    assert attachment.postmeta["_wp_attachment_image_alt"].startswith("ناخبون")


def test_draft_has_no_gmt_date(madina):
    """Drafts carry 0000-00-00 as GMT date: None, not a crash, and noted."""
    draft = items(madina)[105]
    assert draft.status == "draft" and draft.post_date_gmt is None
    assert draft.published_at is not None
    assert any(p.kind == "date" for p in draft.problems)
