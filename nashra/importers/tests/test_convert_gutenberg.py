"""Gutenberg block markup → body blocks."""

import json

import pytest

from nashra.importers.convert import convert_content

SITE = "https://news.example"


def convert(raw: str):
    return convert_content(raw, site_url=SITE)


def types(raw: str) -> list[str]:
    return [b["type"] for b in convert(raw).blocks]


def test_paragraph_heading_levels():
    raw = (
        "<!-- wp:paragraph --><p>افتتاح <strong>المكتبة</strong></p><!-- /wp:paragraph -->"
        '<!-- wp:heading {"level":1} --><h1>عنوان أول</h1><!-- /wp:heading -->'
        '<!-- wp:heading {"level":6} --><h6>عنوان صغير</h6><!-- /wp:heading -->'
    )
    blocks = convert(raw).blocks
    assert blocks[0] == {
        "type": "paragraph",
        "value": "<p>افتتاح <strong>المكتبة</strong></p>",
    }
    assert blocks[1]["value"] == {"text": "عنوان أول", "level": "h2"}
    assert blocks[2]["value"] == {"text": "عنوان صغير", "level": "h4"}


def test_list_becomes_paragraph_with_list():
    raw = (
        '<!-- wp:list {"ordered":true} --><ol><!-- wp:list-item --><li>أولا</li>'
        "<!-- /wp:list-item --><!-- wp:list-item --><li>ثانيا</li><!-- /wp:list-item -->"
        "</ol><!-- /wp:list -->"
    )
    assert convert(raw).blocks == [
        {"type": "paragraph", "value": "<ol><li>أولا</li><li>ثانيا</li></ol>"}
    ]


def test_image_uses_attachment_id_and_caption():
    raw = (
        '<!-- wp:image {"id":311} --><figure class="wp-block-image"><img src="'
        f'{SITE}/a-1024x238.jpg" alt="صورة السوق"/><figcaption>السوق صباحا'
        "</figcaption></figure><!-- /wp:image -->"
    )
    (image,) = convert(raw).blocks
    assert image["value"] == {
        "image": {"wp_attachment_id": 311, "src": f"{SITE}/a-1024x238.jpg"},
        "caption": "السوق صباحا",
        "credit": "",
        "alt": "صورة السوق",
    }


def test_gallery_nested_images():
    image = (
        '<!-- wp:image {"id":%d} --><figure class="wp-block-image"><img src="/%d.jpg" '
        'alt=""/></figure><!-- /wp:image -->'
    )
    raw = (
        '<!-- wp:gallery --><figure class="wp-block-gallery">'
        + image % (1, 1)
        + image % (2, 2)
        + '<figcaption class="blocks-gallery-caption">معرض</figcaption></figure>'
        "<!-- /wp:gallery -->"
    )
    (gallery,) = convert(raw).blocks
    assert [i["image"]["wp_attachment_id"] for i in gallery["value"]["images"]] == [
        1,
        2,
    ]
    assert gallery["value"]["caption"] == "معرض"


def test_gallery_old_ids_form():
    raw = (
        '<!-- wp:gallery {"ids":[7,8]} --><figure class="wp-block-gallery"><ul>'
        '<li><figure><img src="/7.jpg" data-id="7"/></figure></li>'
        '<li><figure><img src="/8.jpg"/></figure></li></ul></figure><!-- /wp:gallery -->'
    )
    (gallery,) = convert(raw).blocks
    assert [i["image"]["wp_attachment_id"] for i in gallery["value"]["images"]] == [
        7,
        8,
    ]


def test_quote_pullquote_embed_separator_code_table():
    raw = (
        '<!-- wp:quote --><blockquote class="wp-block-quote"><!-- wp:paragraph -->'
        "<p>العلم نور</p><!-- /wp:paragraph --><cite>مثل</cite></blockquote>"
        "<!-- /wp:quote -->"
        '<!-- wp:pullquote --><figure class="wp-block-pullquote"><blockquote><p>قول'
        "</p><cite>الوزير</cite></blockquote></figure><!-- /wp:pullquote -->"
        '<!-- wp:core-embed/youtube {"url":"https://youtu.be/x"} --><figure>'
        "<div>https://youtu.be/x</div><figcaption>مقطع</figcaption></figure>"
        "<!-- /wp:core-embed/youtube -->"
        '<!-- wp:separator --><hr class="wp-block-separator"/><!-- /wp:separator -->'
        '<!-- wp:code --><pre class="wp-block-code"><code>a &lt; b\n  c</code></pre>'
        "<!-- /wp:code -->"
        '<!-- wp:table --><figure class="wp-block-table"><table><thead><tr><th>مدينة'
        "</th><th>حرارة</th></tr></thead><tbody><tr><td>عمّان</td><td>٣٠</td></tr>"
        "</tbody></table><figcaption>الطقس</figcaption></figure><!-- /wp:table -->"
    )
    blocks = convert(raw).blocks
    assert [b["type"] for b in blocks] == [
        "quote", "pull_quote", "embed", "separator", "code", "table",
    ]  # fmt: skip
    assert blocks[0]["value"] == {"text": "العلم نور", "source": "مثل"}
    assert blocks[1]["value"] == {"text": "قول", "attribution": "الوزير"}
    assert blocks[2]["value"] == {"url": "https://youtu.be/x", "caption": "مقطع"}
    assert blocks[3]["value"] is None
    assert blocks[4]["value"] == {"language": "", "code": "a < b\n  c"}
    assert blocks[5]["value"] == {
        "table_caption": "الطقس",
        "first_row_is_table_header": True,
        "first_col_is_header": False,
        "data": [["مدينة", "حرارة"], ["عمّان", "٣٠"]],
    }


def test_columns_and_group_flattened():
    raw = (
        '<!-- wp:columns --><div class="wp-block-columns"><!-- wp:column --><div>'
        "<!-- wp:paragraph --><p>يمين</p><!-- /wp:paragraph --></div><!-- /wp:column -->"
        "<!-- wp:column --><div><!-- wp:group --><div><!-- wp:paragraph --><p>يسار</p>"
        "<!-- /wp:paragraph --></div><!-- /wp:group --></div><!-- /wp:column --></div>"
        "<!-- /wp:columns -->"
    )
    conversion = convert(raw)
    assert [b["value"] for b in conversion.blocks] == ["<p>يمين</p>", "<p>يسار</p>"]
    assert conversion.problems == []


def test_more_and_nextpage_dropped_and_noted():
    raw = "<!-- wp:more --><!--more--><!-- /wp:more --><!-- wp:nextpage /-->"
    conversion = convert(raw)
    assert conversion.blocks == []
    assert {p.kind for p in conversion.problems} == {"dropped"}


def test_unknown_block_keeps_text_and_is_reported():
    """Content from plugin blocks must not vanish silently."""
    raw = (
        '<!-- wp:acme/notice {"tone":"warn"} --><div class="notice"><p>تنبيه مهم</p>'
        "</div><!-- /wp:acme/notice --><!-- wp:latest-posts /-->"
    )
    conversion = convert(raw)
    assert conversion.blocks == [{"type": "paragraph", "value": "<p>تنبيه مهم</p>"}]
    reasons = [p.reason for p in conversion.problems if p.kind == "unknown_block"]
    assert reasons == [
        "acme/notice kept as its content",
        "core/latest-posts kept as its content",
    ]


def test_html_block_sanitised():
    """XSS: a wp:html block may not carry script, handlers or javascript: links."""
    raw = (
        '<!-- wp:html --><div onclick="steal()"><script>alert(1)</script><b>آمن</b>'
        '<a href="javascript:alert(2)">رابط</a><iframe src="https://player.example/v/1">'
        "</iframe></div><!-- /wp:html -->"
    )
    blocks = convert(raw).blocks
    dumped = json.dumps(blocks)
    for needle in ("script", "onclick", "javascript", "<iframe"):
        assert needle not in dumped
    assert blocks[0] == {"type": "html", "value": "<div><b>آمن</b><a>رابط</a></div>"}
    assert blocks[1] == {
        "type": "embed",
        "value": {"url": "https://player.example/v/1", "caption": ""},
    }


@pytest.mark.parametrize(
    "raw",
    [
        "<!-- wp:paragraph --><p>لم يغلق",
        "<!-- /wp:paragraph --><p>إغلاق بلا فتح</p>",
        '<!-- wp:image {"id": oops} --><figure><img src="/x.jpg"></figure><!-- /wp:image -->',
        "<!-- wp:image --><figure></figure><!-- /wp:image -->",
    ],
)
def test_broken_block_markup_never_raises(raw):
    conversion = convert(raw)
    assert conversion.problems
