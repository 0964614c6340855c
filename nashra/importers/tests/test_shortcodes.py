"""WordPress shortcodes in classic content: attributes, each known shortcode, nesting (#13)."""

import pytest

from nashra.importers.convert import convert_content
from nashra.importers.convert.context import Context
from nashra.importers.convert.shortcodes import parse_attributes, replace_shortcodes

SITE = "https://news.example"


def convert(raw: str):
    return convert_content(raw, site_url=SITE)


def kinds(raw: str) -> list[str]:
    return [problem.kind for problem in convert(raw).problems]


@pytest.mark.parametrize(
    ("text", "named", "positional"),
    [
        ('ids="1,2,3"', {"ids": "1,2,3"}, []),
        ("ids='4,5'", {"ids": "4,5"}, []),
        ("columns=3", {"columns": "3"}, []),
        ('ID="7" Align=center', {"id": "7", "align": "center"}, []),
        ('caption="السوق القديم"', {"caption": "السوق القديم"}, []),
        ('data-x = "y"', {"data-x": "y"}, []),
        ('"https://a.example/v.mp4" loop', {}, ["https://a.example/v.mp4", "loop"]),
        ("'single' bare", {}, ["single", "bare"]),
        ('empty=""', {"empty": ""}, []),
        ("", {}, []),
    ],
)
def test_parse_attributes(text, named, positional):
    assert parse_attributes(text) == (named, positional)


def test_later_attribute_wins():
    assert parse_attributes('a="1" a="2"')[0] == {"a": "2"}


def test_caption_with_arabic_text_after_image():
    (image,) = convert(
        '[caption id="attachment_44" align="alignright" width="300"]'
        '<img src="https://news.example/souq.jpg" alt="سوق" /> سوق الخضار في الصباح'
        "[/caption]"
    ).blocks
    assert image == {
        "type": "image",
        "value": {
            "image": {"wp_attachment_id": 44, "src": "https://news.example/souq.jpg"},
            "caption": "سوق الخضار في الصباح",
            "credit": "",
            "alt": "سوق",
        },
    }


def test_caption_inside_a_link_keeps_the_image():
    (image,) = convert(
        '[caption id="attachment_9"]<a href="https://news.example/big.jpg">'
        '<img class="wp-image-9" src="https://news.example/small.jpg" /></a>'
        " الوصف[/caption]"
    ).blocks
    assert image["value"]["image"] == {
        "wp_attachment_id": 9,
        "src": "https://news.example/small.jpg",
    }
    assert image["value"]["caption"] == "الوصف"


def test_caption_id_falls_back_to_the_image_class():
    (image,) = convert(
        '[caption]<img class="alignnone wp-image-812" src="https://news.example/a.jpg"'
        " />نص[/caption]"
    ).blocks
    assert image["value"]["image"]["wp_attachment_id"] == 812


def test_wp_caption_is_the_same_as_caption():
    (image,) = convert(
        '[wp_caption id="attachment_3" caption="قديم"]<img src="https://news.example/o.jpg"'
        " />[/wp_caption]"
    ).blocks
    assert image["value"]["caption"] == "قديم"
    assert image["value"]["image"]["wp_attachment_id"] == 3


def test_caption_without_an_image_keeps_its_text():
    result = convert("[caption]نص بلا صورة[/caption]")
    assert result.blocks == [{"type": "paragraph", "value": "<p>نص بلا صورة</p>"}]
    assert "shortcode" in [p.kind for p in result.problems]


def test_empty_caption_makes_nothing():
    result = convert("[caption][/caption]")
    assert result.blocks == []


def test_uppercase_shortcode_name_is_known():
    (image,) = convert(
        '[CAPTION id="attachment_2"]<img src="https://news.example/u.jpg" />ن[/CAPTION]'
    ).blocks
    assert image["type"] == "image"


@pytest.mark.parametrize(
    ("raw", "ids"),
    [
        ('[gallery ids="12,13, 14"]', [12, 13, 14]),
        ('[gallery include="7,8"]', [7, 8]),
        ("[gallery ids='21' columns=\"2\"]", [21]),
        # Arabic-Indic digits are the same numbers to int(): kept, not lost.
        ('[gallery ids="٣,12"]', [3, 12]),
    ],
)
def test_gallery_ids(raw, ids):
    (gallery,) = convert(raw).blocks
    assert gallery["type"] == "gallery"
    assert [i["image"]["wp_attachment_id"] for i in gallery["value"]["images"]] == ids


def test_gallery_without_ids_asks_for_the_posts_attachments():
    (gallery,) = convert('[gallery columns="3" link="file"]').blocks
    assert gallery["value"] == {"images": [], "caption": "", "post_attachments": True}


def test_gallery_between_paragraphs_stands_alone():
    blocks = convert('قبل المعرض [gallery ids="1"] بعد المعرض').blocks
    assert [b["type"] for b in blocks] == ["paragraph", "gallery", "paragraph"]
    assert blocks[0]["value"] == "<p>قبل المعرض</p>"
    assert blocks[2]["value"] == "<p>بعد المعرض</p>"


@pytest.mark.parametrize(
    "raw",
    [
        "[embed]https://www.youtube.com/watch?v=abc[/embed]",
        '[embed width="500"] https://www.youtube.com/watch?v=abc [/embed]',
        '[embed src="https://www.youtube.com/watch?v=abc"]',
    ],
)
def test_embed_shortcode(raw):
    assert convert(raw).blocks == [
        {
            "type": "embed",
            "value": {"url": "https://www.youtube.com/watch?v=abc", "caption": ""},
        }
    ]


def test_embed_without_a_web_url_is_left_as_text():
    blocks = convert("[embed]javascript:alert(1)[/embed]").blocks
    assert [b["type"] for b in blocks] == ["paragraph"]
    assert "javascript" in blocks[0]["value"]
    assert "<a" not in blocks[0]["value"]


@pytest.mark.parametrize(
    ("raw", "url"),
    [
        ('[audio mp3="https://news.example/a.mp3"]', "https://news.example/a.mp3"),
        (
            '[audio src="https://news.example/b.ogg"][/audio]',
            "https://news.example/b.ogg",
        ),
        (
            '[video mp4="https://news.example/v.mp4" width="640"]',
            "https://news.example/v.mp4",
        ),
        (
            '[video webm="https://news.example/v.webm"][/video]',
            "https://news.example/v.webm",
        ),
        ('[video "https://news.example/p.mp4"]', "https://news.example/p.mp4"),
        (
            "[video]https://news.example/body.mp4[/video]",
            "https://news.example/body.mp4",
        ),
    ],
)
def test_audio_and_video_sources(raw, url):
    assert convert(raw).blocks == [
        {"type": "embed", "value": {"url": url, "caption": ""}}
    ]


def test_media_without_a_source_is_kept_and_noted():
    result = convert('[audio loop="on"]')
    assert result.blocks == [{"type": "paragraph", "value": '<p>[audio loop="on"]</p>'}]
    assert [p.reason for p in result.problems] == [
        "[audio]/[video] without a source URL kept as text"
    ]


def test_unknown_enclosing_shortcode_still_converts_known_ones_inside():
    result = convert('[tabs][tab title="صور"][gallery ids="5,6"][/tab][/tabs]')
    types = [b["type"] for b in result.blocks]
    assert "gallery" in types
    text = " ".join(b["value"] for b in result.blocks if b["type"] == "paragraph")
    assert "[tabs]" in text and "[/tabs]" in text
    assert kinds("[tabs]x[/tabs]") == ["unknown_shortcode"]


def test_unknown_shortcode_is_reported_once_per_name():
    result = convert("[button]أ[/button] [button]ب[/button]")
    assert [p.reason for p in result.problems] == ["[button] kept as text"]


def test_unknown_shortcode_name_is_cut_in_the_report():
    long = "x" * 200
    (problem,) = convert(f"[{long}]").problems
    assert problem.reason == f"[{'x' * 40}] kept as text"


def test_escaped_enclosing_shortcode_prints_literally():
    ctx = Context()
    assert replace_shortcodes("[[caption]نص[/caption]]", ctx) == "[caption]نص[/caption]"
    assert ctx.problems == []


def test_half_escaped_shortcode_is_not_literal():
    # Only "[[x]]" is WordPress's escape; "[[gallery]" still runs the shortcode.
    blocks = convert('[[gallery ids="1"]').blocks
    assert "gallery" in [b["type"] for b in blocks]


def test_closing_tag_of_another_name_does_not_close():
    ctx = Context()
    out = replace_shortcodes("[embed]https://a.example/x[/video]", ctx)
    assert "[/video]" in out
    assert "unknown_shortcode" not in [p.kind for p in ctx.problems]


def test_self_closing_form_is_not_enclosing():
    blocks = convert('[gallery ids="1" /] نص').blocks
    assert [b["type"] for b in blocks] == ["gallery", "paragraph"]


def test_brackets_that_are_not_shortcodes_stay():
    for raw in ("[1] مرجع", "[ ] فارغ", "[٢] عربي", "[-x]"):
        result = convert(raw)
        assert result.problems == [], raw
        assert result.blocks[0]["value"].startswith("<p>["), raw


def test_shortcode_name_must_end_at_a_boundary():
    # "[gallery-old]" is its own (unknown) shortcode, not [gallery].
    result = convert("[gallery-old]")
    assert [b["type"] for b in result.blocks] == ["paragraph"]
    assert [p.reason for p in result.problems] == ["[gallery-old] kept as text"]


def test_shortcode_inside_pre_is_kept_as_code():
    (code,) = convert('<pre>[gallery ids="1"]</pre>').blocks
    assert code == {
        "type": "code",
        "value": {"language": "", "code": '[gallery ids="1"]'},
    }


@pytest.mark.parametrize(
    "raw",
    [
        "[embed]https://www.youtube.com/watch?v=a&amp;t=5[/embed]",
        '[embed src="https://www.youtube.com/watch?v=a&amp;t=5"]',
        '[video mp4="https://www.youtube.com/watch?v=a&amp;t=5"]',
        "نص\n\nhttps://www.youtube.com/watch?v=a&amp;t=5\n\nنص",
        "https://www.youtube.com/watch?v=a&#038;t=5",
    ],
)
def test_urls_in_html_source_are_unescaped(raw):
    # The editor saves "&" as "&amp;" (or "&#038;"); the address has "&".
    embeds = [b for b in convert(raw).blocks if b["type"] == "embed"]
    assert [b["value"]["url"] for b in embeds] == [
        "https://www.youtube.com/watch?v=a&t=5"
    ]


def test_caption_attribute_is_html_source_too():
    (image,) = convert(
        "[caption caption=\"الأهل &amp; الأصدقاء &lt;3 <a href='/x'>هنا</a>\"]"
        '<img src="https://news.example/f.jpg" />[/caption]'
    ).blocks
    assert image["value"]["caption"] == "الأهل & الأصدقاء <3 هنا"
