"""The reader against two real exports (Theme Unit Test and a Persian blog)."""

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

from .fixtures import PARCH, THEME_UNIT, fixture


@pytest.fixture(scope="module")
def theme():
    return list(read_export(fixture(THEME_UNIT)))


@pytest.fixture(scope="module")
def parch():
    return list(read_export(fixture(PARCH)))


def items(records):
    return {r.wp_id: r for r in records if isinstance(r, Item)}


def test_theme_unit_counts_match_readme(theme):
    """Nothing may be dropped silently: counts per post_type equal the README's."""
    counts = Counter(r.post_type for r in theme if isinstance(r, Item))
    assert counts == {"post": 58, "page": 21, "attachment": 37, "nav_menu_item": 70}
    kinds = Counter(type(r) for r in theme)
    assert kinds[Category] == 68 and kinds[Tag] == 110 and kinds[Term] == 7
    assert kinds[Author] == 2 and isinstance(theme[0], Channel)


def test_brief_reading_keeps_attachments_whole_and_the_rest_by_id(theme):
    """The import's first pass reads posts by type and id only (#7)."""
    brief = list(read_export(fixture(THEME_UNIT), brief=True))
    assert len(brief) == len(theme)
    for whole, short in zip(theme, brief, strict=True):
        if isinstance(whole, Item) and whole.post_type != "attachment":
            assert short == ItemRef(wp_id=whole.wp_id, post_type=whole.post_type)
        else:
            assert short == whole


def test_theme_unit_comments(theme):
    """Threads, pingbacks and unapproved comments must survive for moderation."""
    comments = [c for r in theme if isinstance(r, Item) for c in r.comments]
    assert len(comments) == 33
    assert sum(1 for c in comments if c.parent_id) == 10
    assert Counter(c.type for c in comments) == {
        "": 28, "comment": 1, "pingback": 2, "trackback": 2,
    }  # fmt: skip
    assert sum(1 for c in comments if c.approved == "0") == 3


def test_theme_unit_channel_uses_https_namespace(theme):
    """The https wp namespace (WordPress.com) is read like the http one."""
    channel = theme[0]
    assert channel.wxr_version == "1.2" and channel.problems == ()
    assert channel.base_blog_url == "https://wpthemetestdata.wordpress.com"


def test_theme_unit_field_spot_checks(theme):
    by_id = items(theme)
    sticky = [r for r in by_id.values() if r.is_sticky]
    assert [r.slug for r in sticky] == ["template-sticky"]
    protected = [r for r in by_id.values() if r.password]
    assert [r.password for r in protected] == ["enter"]
    statuses = Counter(r.status for r in by_id.values())
    assert statuses["future"] >= 1 and statuses["draft"] >= 1
    assert any(r.post_date_gmt and r.post_date_gmt.year == 2030 for r in by_id.values())
    post = by_id[1241]
    assert post.post_date_gmt == datetime(2012, 1, 7, 14, 7, 21, tzinfo=UTC)
    assert post.post_date.utcoffset().total_seconds() == -7 * 3600
    assert (post.title, post.author, post.post_type) == (
        "Template: Sticky", "themedemos", "post",
    )  # fmt: skip
    attachment = next(r for r in by_id.values() if r.post_type == "attachment")
    assert attachment.attachment_url.startswith("https://")
    assert any("_wp_attachment_image_alt" in r.postmeta for r in by_id.values())


def test_theme_unit_percent_encoded_slugs_decoded(theme):
    """Greek slugs are stored encoded; pages and redirects need Unicode."""
    slugs = {r.slug for r in theme if isinstance(r, Item)}
    assert {"επίπεδο-2", "επίπεδο-3"} <= slugs
    assert not any("%" in slug for slug in slugs)


def test_parch_counts_and_comments(parch):
    counts = Counter(r.post_type for r in parch if isinstance(r, Item))
    assert sum(counts.values()) == 146
    assert counts["attachment"] == 104 and counts["post"] == 26
    comments = [c for r in parch if isinstance(r, Item) for c in r.comments]
    assert len(comments) == 13
    assert Counter(c.type for c in comments) == {"comment": 12, "like": 1}
    assert sum(1 for c in comments if c.parent_id) == 1
    assert sum(len(c.meta) > 0 for c in comments) >= 1


def test_parch_persian_slugs_and_text(parch):
    """Persian slugs decode to Unicode; ZWNJ in titles is kept as written."""
    posts = [r for r in parch if isinstance(r, Item) and r.post_type == "post"]
    decoded = [
        r.slug for r in posts if any("\u0600" <= ch <= "\u06ff" for ch in r.slug)
    ]
    assert len(decoded) >= 10
    assert all("%" not in slug for slug in decoded)
    assert any("\u200c" in r.content for r in posts)


def test_parch_drafts_have_no_gmt_date(parch):
    """Drafts carry 0000-00-00 as GMT date: None, not a crash, and noted."""
    drafts = [r for r in parch if isinstance(r, Item) and r.status == "draft"]
    assert drafts
    for draft in drafts:
        assert draft.post_date_gmt is None
        assert draft.published_at is not None
        assert any(p.kind == "date" for p in draft.problems)


def test_parch_local_dates_carry_site_offset(parch):
    """Tehran's +03:30 is recovered from post_date minus post_date_gmt."""
    post = items(parch)[307]
    assert post.post_date.utcoffset().total_seconds() == 3.5 * 3600
    assert post.post_date == post.post_date_gmt
