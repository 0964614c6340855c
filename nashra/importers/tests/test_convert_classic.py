"""Classic-editor content: wpautop, shortcodes and bare oEmbed URLs."""

import pytest

from nashra.importers.convert import convert_content
from nashra.importers.convert.classic import autop

SITE = "https://news.example"


def blocks(raw: str) -> list[dict]:
    return convert_content(raw, site_url=SITE).blocks


def test_autop_paragraphs_and_line_breaks():
    assert autop("سطر أول\nسطر ثان\n\nفقرة ثانية") == (
        "<p>سطر أول<br>\nسطر ثان</p>\n<p>فقرة ثانية</p>"
    )


def test_autop_leaves_pre_and_lists_alone():
    """Code must keep its newlines; lists must not gain stray <br>."""
    raw = "مقدمة\n\n<pre>سطر ١\n\nسطر ٢</pre>\n\n<ul>\n<li>أ</li>\n<li>ب</li>\n</ul>"
    out = blocks(raw)
    assert out[0] == {"type": "paragraph", "value": "<p>مقدمة</p>"}
    assert out[1] == {
        "type": "code",
        "value": {"language": "", "code": "سطر ١\n\nسطر ٢"},
    }
    assert out[2] == {
        "type": "paragraph",
        "value": "<ul>\n<li>أ</li>\n<li>ب</li>\n</ul>",
    }


def test_caption_shortcode_becomes_image():
    raw = (
        "قبل الصورة\n"
        '[caption id="attachment_612" align="aligncenter" width="640"]'
        '<a href="/big.jpg"><img src="https://news.example/s.jpg" alt="السوق" '
        'class="size-full wp-image-612" /></a> السوق <a href="/x">القديم</a>[/caption]'
        "\nبعد الصورة"
    )
    out = blocks(raw)
    assert [b["type"] for b in out] == ["paragraph", "image", "paragraph"]
    assert out[1]["value"] == {
        "image": {"wp_attachment_id": 612, "src": "https://news.example/s.jpg"},
        "caption": "السوق القديم",
        "credit": "",
        "alt": "السوق",
    }


def test_caption_attribute_form():
    raw = '[caption id="attachment_9" caption="تعليق قديم"]<img src="/a.jpg">[/caption]'
    assert blocks(raw)[0]["value"]["caption"] == "تعليق قديم"


def test_gallery_with_ids_and_without():
    """[gallery] without ids means "this post's attachments": the importer resolves it."""
    out = blocks('[gallery ids="3, 4,5" columns="2"]\n\n[gallery]')
    assert [i["image"] for i in out[0]["value"]["images"]] == [
        {"wp_attachment_id": n, "src": ""} for n in (3, 4, 5)
    ]
    assert out[1] == {
        "type": "gallery",
        "value": {"images": [], "caption": "", "post_attachments": True},
    }


@pytest.mark.parametrize(
    ("raw", "url"),
    [
        ("[embed]https://youtu.be/abc[/embed]", "https://youtu.be/abc"),
        ('[embed width="500"]https://vimeo.com/1[/embed]', "https://vimeo.com/1"),
        ("[audio https://news.example/a.mp3]", "https://news.example/a.mp3"),
        (
            '[audio mp3="https://news.example/b.mp3"][/audio]',
            "https://news.example/b.mp3",
        ),
        ('[video src="https://news.example/v.mp4"]', "https://news.example/v.mp4"),
        ("نص قبل\n\nhttps://youtu.be/xyz\n\nنص بعد", "https://youtu.be/xyz"),
        (
            "نص قبل\nhttps://twitter.com/a/status/1\nنص بعد",
            "https://twitter.com/a/status/1",
        ),
    ],
)
def test_embeds(raw, url):
    embeds = [b for b in blocks(raw) if b["type"] == "embed"]
    assert embeds == [{"type": "embed", "value": {"url": url, "caption": ""}}]


def test_url_inside_sentence_is_not_an_embed():
    out = blocks("اقرأ المزيد على https://news.example/a اليوم")
    assert [b["type"] for b in out] == ["paragraph"]


def test_unknown_shortcode_kept_and_reported():
    conversion = convert_content(
        '[contact-form to="x"] نص [/contact-form]', site_url=SITE
    )
    assert "[contact-form" in conversion.blocks[0]["value"]
    assert [p.kind for p in conversion.problems] == ["unknown_shortcode"]


def test_escaped_shortcode_is_literal():
    conversion = convert_content("اكتب [[gallery]] لعرض المعرض", site_url=SITE)
    assert conversion.blocks[0]["value"] == "<p>اكتب [gallery] لعرض المعرض</p>"
    assert conversion.problems == []


def test_more_marker_dropped_and_noted():
    conversion = convert_content("مقدمة\n<!--more-->\nتتمة", site_url=SITE)
    assert [b["value"] for b in conversion.blocks] == ["<p>مقدمة</p>", "<p>تتمة</p>"]
    assert conversion.problems[0].kind == "dropped"


@pytest.mark.parametrize(
    "raw",
    [
        '<p onmouseover="x()">مرحبا<script>alert(1)</script></p>',
        '<a href="javascript:alert(1)">رابط</a>',
        "<style>body{display:none}</style>نص",
        '<img src="x" onerror="alert(1)">',
        '<iframe src="javascript:alert(1)"></iframe>',
        "<svg><script>alert(1)</script></svg>",
    ],
)
def test_no_active_content_survives(raw):
    """XSS from an old WordPress must not reach readers through the import."""
    dumped = repr(blocks(raw)).lower()
    for needle in (
        "<script",
        "onmouseover",
        "onerror",
        "javascript:",
        "<style",
        "alert",
    ):
        assert needle not in dumped


def test_inline_image_split_from_text():
    out = blocks(
        '<img class="alignleft wp-image-5" src="/p.jpg" alt="">نص بجانب الصورة'
    )
    assert [b["type"] for b in out] == ["image", "paragraph"]
    assert out[0]["value"]["image"]["wp_attachment_id"] == 5
