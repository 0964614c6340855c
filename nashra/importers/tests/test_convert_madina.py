"""Every item of the repository's newsroom export converts, safely (#12)."""

import json

import pytest

from nashra.importers.convert import convert_content
from nashra.importers.wxr import Channel, Item, read_export

from .fixtures import MADINA


@pytest.fixture(scope="module")
def converted():
    site, found = "", {}
    for record in read_export(MADINA):
        if isinstance(record, Channel):
            site = record.link
        elif isinstance(record, Item):
            found[record.wp_id] = convert_content(record.content, site_url=site)
    return found


def blocks_of(converted, wp_id, kind):
    return [b["value"] for b in converted[wp_id].blocks if b["type"] == kind]


def test_nothing_active_reaches_the_new_site(converted):
    """A script or an iframe from the old site's content would be stored XSS."""
    for wp_id, conversion in converted.items():
        dumped = json.dumps(conversion.blocks).lower()
        assert "<script" not in dumped, wp_id
        assert "javascript:" not in dumped, wp_id
        assert "<iframe" not in dumped, wp_id
        for block in conversion.blocks:
            assert set(block) == {"type", "value"}


def test_unknown_blocks_and_shortcodes_are_reported(converted):
    """An editor must learn what did not convert, not find it missing later."""
    kinds = {p.kind for c in converted.values() for p in c.problems}
    assert {"unknown_block", "unknown_shortcode", "dropped"} <= kinds
    assert any("contact-form-7" in p.reason for p in converted[102].problems)
    assert any("jetpack/slideshow" in p.reason for p in converted[108].problems)


def test_gutenberg_blocks(converted):
    kinds = [b["type"] for b in converted[101].blocks]
    assert kinds == ["paragraph", "image", "heading", "paragraph", "quote", "paragraph"]
    (image,) = blocks_of(converted, 101, "image")
    assert image["image"]["wp_attachment_id"] == 201
    assert image["alt"] == "ناخبون يصطفون أمام مركز اقتراع"
    assert image["caption"] == "طوابير الناخبين صباح الاقتراع"
    (quote,) = blocks_of(converted, 101, "quote")
    assert quote == {"text": "«المشاركة رسالة ثقة بالمجالس المحلية».",
                     "source": "رئيس الهيئة"}  # fmt: skip
    (code,) = blocks_of(converted, 108, "code")
    assert code["code"].splitlines() == ["brent_usd = 81.4", "wti_usd = 77.9"]
    (embed,) = blocks_of(converted, 108, "embed")
    assert embed["url"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


def test_classic_content_and_shortcodes(converted):
    """Classic posts: paragraphs from blank lines, [caption], [audio], [gallery]."""
    paragraphs = blocks_of(converted, 102, "paragraph")
    assert paragraphs[0].startswith("<p>رست صباح أمس في <strong>ميناء العقبة</strong>")
    (caption,) = blocks_of(converted, 102, "image")
    assert caption["image"]["wp_attachment_id"] == 202
    assert caption["caption"] == "سفن الحاويات في الميناء"
    assert any(
        e["url"].endswith("/bulletin.mp3") for e in blocks_of(converted, 102, "embed")
    )
    (gallery,) = blocks_of(converted, 108, "gallery")
    ids = [entry["image"]["wp_attachment_id"] for entry in gallery["images"]]
    assert ids == [201, 202]
    english = blocks_of(converted, 107, "paragraph")
    assert english[1] == "<p><em>Reporting by Sarah Collins.</em></p>"
