"""Every item of both real exports converts, safely."""

import json

import pytest

from nashra.importers.convert import convert_content
from nashra.importers.wxr import Channel, Item, read_export

from .fixtures import PARCH, THEME_UNIT, fixture


def conversions(path):
    site = ""
    for record in read_export(fixture(path)):
        if isinstance(record, Channel):
            site = record.link
        elif isinstance(record, Item):
            yield record, convert_content(record.content, site_url=site)


@pytest.fixture(scope="module")
def theme():
    return list(conversions(THEME_UNIT))


@pytest.fixture(scope="module")
def parch():
    return list(conversions(PARCH))


@pytest.mark.parametrize("name", ["theme", "parch"])
def test_every_item_converts_without_script(name, request):
    """Nothing active from an old site may reach the new one (XSS)."""
    for item, conversion in request.getfixturevalue(name):
        dumped = json.dumps(conversion.blocks).lower()
        assert "<script" not in dumped, item.wp_id
        assert "javascript:" not in dumped, item.wp_id
        assert "<iframe" not in dumped, item.wp_id
        for block in conversion.blocks:
            assert set(block) == {"type", "value"}


def test_theme_unit_unknowns_reported(theme):
    kinds = {p.kind for _, c in theme for p in c.problems}
    assert {"unknown_block", "unknown_shortcode", "dropped"} <= kinds


def test_theme_unit_shortcodes(theme):
    by_id = {item.wp_id: conversion for item, conversion in theme}
    gallery_page = by_id[555].blocks
    assert gallery_page[0]["value"].get("post_attachments") is True
    caption = by_id[568].blocks[0]
    assert caption["type"] == "image"
    assert caption["value"]["image"]["wp_attachment_id"] == 612
    assert caption["value"]["caption"].startswith("Chunk of resinous blackboy husk")
    assert any(
        b["type"] == "embed" and b["value"]["url"].endswith(".mp3")
        for b in by_id[587].blocks
    )


def test_parch_gutenberg_images_code_and_persian(parch):
    posts = [(i, c) for i, c in parch if i.post_type == "post"]
    kinds = {b["type"] for _, c in posts for b in c.blocks}
    assert {"paragraph", "heading", "image", "gallery", "code"} <= kinds
    post = next(c for i, c in posts if i.wp_id == 307)
    image = next(b for b in post.blocks if b["type"] == "image")
    assert image["value"]["image"]["wp_attachment_id"] == 311
    assert image["value"]["alt"] == "مشکل pacman-init سرویس"
    code = next(b for b in post.blocks if b["type"] == "code")
    assert (
        code["value"]["code"].splitlines()[0] == "sudo pacman -Rdd parchlinux-keyring"
    )
    text = json.dumps([c.blocks for _, c in posts], ensure_ascii=False)
    assert "\u200c" in text
