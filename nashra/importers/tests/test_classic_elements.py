"""Classic-editor HTML elements → body blocks: each element the mapping knows (#13)."""

import pytest

from nashra.importers.convert import convert_content
from nashra.importers.convert.classic import autop
from nashra.importers.convert.links import is_internal

SITE = "https://news.example"
IMG = "https://news.example/wp-content/uploads/b.jpg"


def blocks(raw: str) -> list[dict]:
    return convert_content(raw, site_url=SITE).blocks


def types(raw: str) -> list[str]:
    return [b["type"] for b in blocks(raw)]


def test_autop_keeps_crlf_paragraphs_apart():
    assert blocks("أول\r\n\r\nثان\rثالث") == [
        {"type": "paragraph", "value": "<p>أول</p>"},
        {"type": "paragraph", "value": "<p>ثان<br>\nثالث</p>"},
    ]


def test_autop_does_not_wrap_block_tags():
    assert autop("<div>نص</div>\n\nسطر") == "<div>نص</div>\n<p>سطر</p>"


def test_heading_with_image_gives_image_then_heading():
    out = blocks(f'<h3><img src="{IMG}" alt="شعار">عنوان</h3>')
    assert [b["type"] for b in out] == ["image", "heading"]
    assert out[1]["value"] == {"text": "عنوان", "level": "h3"}


def test_empty_heading_makes_nothing():
    assert blocks("<h2> </h2>") == []


def test_list_with_image_keeps_the_list_text():
    out = blocks(f'<ul><li>بند <img src="{IMG}"></li><li>آخر</li></ul>')
    assert [b["type"] for b in out] == ["image", "paragraph"]
    # autop breaks lines around block tags as wpautop does; HTML ignores them.
    assert out[1]["value"].replace("\n", "") == "<ul><li>بند </li><li>آخر</li></ul>"


def test_empty_list_makes_nothing():
    assert blocks("<ul><li></li></ul>") == []


def test_table_with_header_row_caption_and_ragged_rows():
    raw = (
        "<table><caption>النتائج</caption><tr><th>فريق</th><th>نقاط</th></tr>"
        "<tr><td>الأهلي</td><td>30</td></tr><tr><td>الزمالك</td></tr></table>"
    )
    (table,) = blocks(raw)
    assert table["value"] == {
        "table_caption": "النتائج",
        "first_row_is_table_header": True,
        "first_col_is_header": False,
        "data": [["فريق", "نقاط"], ["الأهلي", "30"], ["الزمالك", ""]],
    }


def test_table_with_thead_is_a_header_table():
    raw = "<table><thead><tr><td>أ</td></tr></thead><tbody><tr><td>1</td></tr></tbody></table>"
    assert blocks(raw)[0]["value"]["first_row_is_table_header"] is True


def test_table_without_rows_makes_nothing():
    assert blocks("<table></table>") == []


def test_table_is_kept_out_of_autop():
    # A blank line inside a cell must not close the table with a <p>.
    (table,) = blocks("<table>\n<tr>\n<td>أ\n\nب</td>\n</tr>\n</table>")
    assert table["value"]["data"] == [["أ ب"]]


def test_figure_with_table_takes_the_figcaption():
    raw = "<figure><table><tr><td>1</td></tr></table><figcaption>جدول</figcaption></figure>"
    assert blocks(raw)[0]["value"]["table_caption"] == "جدول"


def test_figure_with_two_images_is_a_gallery():
    raw = f'<figure><img src="{IMG}"><img src="{IMG}?2"><figcaption>صور</figcaption></figure>'
    (gallery,) = blocks(raw)
    assert gallery["type"] == "gallery"
    assert gallery["value"]["caption"] == "صور"
    assert len(gallery["value"]["images"]) == 2


def test_figure_with_an_iframe_is_an_embed_with_caption():
    raw = '<figure><iframe src="https://player.example/1"></iframe><figcaption>بث</figcaption></figure>'
    assert blocks(raw) == [
        {"type": "embed", "value": {"url": "https://player.example/1", "caption": "بث"}}
    ]


@pytest.mark.parametrize(
    ("raw", "language"),
    [
        ('<pre class="language-js">x</pre>', "js"),
        ('<pre><code class="lang-bash">x</code></pre>', "bash"),
        ('<pre lang="php">x</pre>', "php"),
        ("<pre>x</pre>", ""),
    ],
)
def test_pre_language(raw, language):
    assert blocks(raw) == [
        {"type": "code", "value": {"language": language, "code": "x"}}
    ]


def test_pre_keeps_blank_lines_and_markup_as_text():
    (code,) = blocks("<pre>أ\n\n<b>ب</b></pre>")
    assert code["value"]["code"] == "أ\n\nب"


def test_hr_is_a_separator():
    assert types("قبل<hr>بعد") == ["paragraph", "separator", "paragraph"]


@pytest.mark.parametrize(
    ("raw", "url"),
    [
        (
            '<iframe src="https://player.example/v"></iframe>',
            "https://player.example/v",
        ),
        ('<iframe src="//player.example/v"></iframe>', "https://player.example/v"),
        (
            '<object data="https://player.example/o"></object>',
            "https://player.example/o",
        ),
        (
            '<video><source src="https://cdn.example/v.mp4"></video>',
            "https://cdn.example/v.mp4",
        ),
    ],
)
def test_media_elements_are_embeds(raw, url):
    assert blocks(raw) == [{"type": "embed", "value": {"url": url, "caption": ""}}]


@pytest.mark.parametrize(
    "raw",
    [
        '<iframe src="javascript:alert(1)"></iframe>',
        '<iframe src="data:text/html,x"></iframe>',
        "<iframe></iframe>",
        '<embed src="ftp://old.example/f.swf">',
    ],
)
def test_media_without_a_web_address_is_dropped(raw):
    assert blocks(raw) == []


def test_definition_list_and_details_are_html_blocks():
    out = blocks(
        "<dl><dt>مصطلح</dt><dd>شرح</dd></dl><details><summary>المزيد</summary>نص</details>"
    )
    assert types("<dl><dt>a</dt></dl>") == ["html"]
    assert out[0]["value"].replace("\n", "") == "<dl><dt>مصطلح</dt><dd>شرح</dd></dl>"
    assert "<summary>المزيد</summary>" in out[1]["value"]


def test_forms_are_dropped_silently_and_scripts_with_a_note():
    result = convert_content(
        '<form><input name="q"></form><style>p{}</style><p>نص</p>', site_url=SITE
    )
    assert result.blocks == [{"type": "paragraph", "value": "<p>نص</p>"}]
    assert [p.reason for p in result.problems] == ["<style> removed"]


def test_divs_and_sections_are_flattened():
    raw = '<div class="x"><section><p>أ</p><div><p>ب</p></div></section></div>'
    assert blocks(raw) == [
        {"type": "paragraph", "value": "<p>أ</p>"},
        {"type": "paragraph", "value": "<p>ب</p>"},
    ]


def test_link_around_an_image_keeps_the_image_and_drops_the_empty_link():
    out = blocks(f'<a href="{IMG}"><img src="{IMG}" alt="ب"></a>')
    assert out == [
        {
            "type": "image",
            "value": {
                "image": {"wp_attachment_id": None, "src": IMG},
                "caption": "",
                "credit": "",
                "alt": "ب",
            },
        }
    ]


def test_inline_formatting_and_rtl_marks_survive():
    (paragraph,) = blocks(
        "<p>\u200fنص <strong>غامق</strong> و<em>مائل</em><sup>1</sup></p>"
    )
    assert paragraph["value"] == (
        "<p>\u200fنص <strong>غامق</strong> و<em>مائل</em><sup>1</sup></p>"
    )


def test_font_and_span_are_unwrapped():
    (paragraph,) = blocks(
        '<p><font color="red">أحمر</font> <span style="x">نص</span></p>'
    )
    assert paragraph["value"] == "<p>أحمر نص</p>"


@pytest.mark.parametrize(
    ("href", "internal"),
    [
        ("https://news.example/x/", True),
        ("http://www.news.example/x/", True),
        ("https://NEWS.example/x/", True),
        ("/x/", True),
        ("?p=5", True),
        ("//news.example/x/", True),
        ("//other.example/x/", False),
        ("#top", False),
        ("https://news.example.evil/x/", False),
        ("https://sub.news.example/x/", False),
        ("mailto:a@news.example", False),
        ("", False),
    ],
)
def test_is_internal(href, internal):
    assert is_internal(href, "news.example") is internal


def test_nothing_is_internal_without_a_site_host():
    assert is_internal("https://news.example/x", "") is False
    assert is_internal("//news.example/x", "") is False
