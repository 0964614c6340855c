"""Each Gutenberg block type the converter knows, with odd and empty cases (#13)."""

import pytest

from nashra.importers.convert import convert_content

SITE = "https://news.example"
IMG = "https://news.example/wp-content/uploads/a.jpg"


def convert(raw: str):
    return convert_content(raw, site_url=SITE)


def blocks(raw: str) -> list[dict]:
    return convert(raw).blocks


def reasons(raw: str) -> list[str]:
    return [p.reason for p in convert(raw).problems]


def test_verse_keeps_its_lines_as_breaks():
    raw = (
        '<!-- wp:verse --><pre class="wp-block-verse">قفا نبك من ذكرى حبيب ومنزل\n'
        "بسقط اللوى بين الدخول فحومل</pre><!-- /wp:verse -->"
    )
    assert blocks(raw) == [
        {
            "type": "paragraph",
            "value": "<p>قفا نبك من ذكرى حبيب ومنزل<br>بسقط اللوى بين الدخول فحومل</p>",
        }
    ]


def test_verse_escapes_markup_characters():
    raw = '<!-- wp:verse --><pre class="wp-block-verse">أ &lt; ب &amp; ج</pre><!-- /wp:verse -->'
    assert blocks(raw) == [{"type": "paragraph", "value": "<p>أ &lt; ب &amp; ج</p>"}]


def test_empty_verse_makes_nothing():
    assert blocks("<!-- wp:verse --><!-- /wp:verse -->") == []


def test_pullquote_with_citation():
    raw = (
        '<!-- wp:pullquote --><figure class="wp-block-pullquote"><blockquote>'
        "<p>العلم نور</p><cite>مثل عربي</cite></blockquote></figure><!-- /wp:pullquote -->"
    )
    assert blocks(raw) == [
        {
            "type": "pull_quote",
            "value": {"text": "العلم نور", "attribution": "مثل عربي"},
        }
    ]


def test_quote_with_citation_keeps_source_apart():
    raw = (
        '<!-- wp:quote --><blockquote class="wp-block-quote"><p>قول</p>'
        "<cite>قائل</cite></blockquote><!-- /wp:quote -->"
    )
    assert blocks(raw) == [
        {"type": "quote", "value": {"text": "قول", "source": "قائل"}}
    ]


def test_quote_without_blockquote_makes_nothing():
    assert blocks("<!-- wp:quote --><p>بلا اقتباس</p><!-- /wp:quote -->") == []


@pytest.mark.parametrize(
    "name", ["core-embed/youtube", "embed", "core-embed/twitter", "core/embed"]
)
def test_embed_blocks_take_the_url_attribute(name):
    raw = (
        f'<!-- wp:{name} {{"url":"https://youtu.be/x1"}} --><figure class="wp-block-embed">'
        '<div class="wp-block-embed__wrapper">https://youtu.be/x1</div>'
        "<figcaption>مقابلة</figcaption></figure>"
        f"<!-- /wp:{name} -->"
    )
    assert blocks(raw) == [
        {"type": "embed", "value": {"url": "https://youtu.be/x1", "caption": "مقابلة"}}
    ]


def test_embed_url_falls_back_to_the_text():
    raw = (
        "<!-- wp:embed --><figure><div>\nhttps://vimeo.com/5\n</div></figure>"
        "<!-- /wp:embed -->"
    )
    assert blocks(raw)[0]["value"]["url"] == "https://vimeo.com/5"


def test_embed_with_a_non_string_url_attribute_reads_the_text():
    raw = '<!-- wp:embed {"url":42} --><figure>https://vimeo.com/6</figure><!-- /wp:embed -->'
    assert blocks(raw)[0]["value"]["url"] == "https://vimeo.com/6"


def test_embed_without_any_url_is_dropped_and_noted():
    raw = "<!-- wp:embed --><figure><div>فيديو</div></figure><!-- /wp:embed -->"
    assert blocks(raw) == []
    assert reasons(raw) == ["core/embed without a URL dropped"]


def test_image_without_source_or_id_is_dropped_and_noted():
    raw = '<!-- wp:image --><figure><img alt=""/></figure><!-- /wp:image -->'
    assert blocks(raw) == []
    assert reasons(raw) == ["core/image without a source dropped"]


def test_image_block_with_no_img_is_dropped():
    assert blocks('<!-- wp:image {"id":3} --><figure></figure><!-- /wp:image -->') == []


def test_image_with_id_but_no_src_is_kept_for_the_resolver():
    raw = '<!-- wp:image {"id":77} --><figure><img src=""/></figure><!-- /wp:image -->'
    (image,) = blocks(raw)
    assert image["value"]["image"] == {"wp_attachment_id": 77, "src": ""}


def test_lazy_image_takes_data_src():
    raw = f'<!-- wp:image --><figure><img data-src="{IMG}"/></figure><!-- /wp:image -->'
    assert blocks(raw)[0]["value"]["image"]["src"] == IMG


def test_gallery_caption_with_nested_images():
    raw = (
        '<!-- wp:gallery --><figure class="wp-block-gallery">'
        f'<!-- wp:image {{"id":1}} --><figure><img src="{IMG}"/><figcaption>أولى'
        "</figcaption></figure><!-- /wp:image -->"
        '<!-- wp:image {"id":2} --><figure><img src="b.jpg"/></figure><!-- /wp:image -->'
        '<figcaption class="blocks-gallery-caption">معرض\nالصور</figcaption>'
        "</figure><!-- /wp:gallery -->"
    )
    (gallery,) = blocks(raw)
    assert gallery["value"]["caption"] == "معرض الصور"
    images = gallery["value"]["images"]
    assert [i["image"]["wp_attachment_id"] for i in images] == [1, 2]
    assert images[0]["caption"] == "أولى"


def test_old_gallery_with_ids_and_no_markup():
    (gallery,) = blocks('<!-- wp:gallery {"ids":[8,9]} /-->')
    assert [i["image"]["wp_attachment_id"] for i in gallery["value"]["images"]] == [
        8,
        9,
    ]
    assert all(i["image"]["src"] == "" for i in gallery["value"]["images"])


def test_empty_gallery_is_dropped_and_noted():
    raw = '<!-- wp:gallery --><figure class="wp-block-gallery"></figure><!-- /wp:gallery -->'
    assert blocks(raw) == []
    assert reasons(raw) == ["core/gallery without images dropped"]


def test_html_block_keeps_structure_and_lifts_iframes_out_as_embeds():
    raw = (
        "<!-- wp:html --><div><h2>جدول</h2><p>نص</p>"
        '<iframe src="//www.youtube.com/embed/z"></iframe></div><!-- /wp:html -->'
    )
    out = blocks(raw)
    assert out[0]["type"] == "html"
    assert "<h2>جدول</h2>" in out[0]["value"]
    assert "iframe" not in out[0]["value"]
    assert out[1] == {
        "type": "embed",
        "value": {"url": "https://www.youtube.com/embed/z", "caption": ""},
    }


def test_html_block_with_only_a_script_makes_nothing():
    assert blocks("<!-- wp:html --><script>x()</script><!-- /wp:html -->") == []


def test_shortcode_block_runs_the_shortcode():
    raw = '<!-- wp:shortcode -->[gallery ids="4,5"]<!-- /wp:shortcode -->'
    (gallery,) = blocks(raw)
    assert gallery["type"] == "gallery"


@pytest.mark.parametrize("name", ["spacer", "more", "nextpage"])
def test_layout_only_blocks_are_dropped_once_noted(name):
    raw = f"<!-- wp:{name} /--><!-- wp:{name} /-->"
    assert blocks(raw) == []
    assert reasons(raw) == [f"core/{name} dropped"]


def test_unknown_block_with_inner_blocks_keeps_them():
    raw = (
        "<!-- wp:kadence/tabs --><div><!-- wp:paragraph --><p>داخل</p>"
        "<!-- /wp:paragraph --></div><!-- /wp:kadence/tabs -->"
    )
    assert blocks(raw) == [{"type": "paragraph", "value": "<p>داخل</p>"}]
    assert reasons(raw) == ["kadence/tabs kept as its content"]


def test_unknown_self_closing_block_makes_nothing_but_is_noted():
    raw = '<!-- wp:latest-posts {"postsToShow":5} /-->'
    assert blocks(raw) == []
    assert reasons(raw) == ["core/latest-posts kept as its content"]


def test_nested_columns_in_groups_are_flattened_in_order():
    raw = (
        "<!-- wp:group --><div><!-- wp:columns --><div>"
        "<!-- wp:column --><div><!-- wp:heading --><h2>أ</h2><!-- /wp:heading --></div>"
        "<!-- /wp:column --><!-- wp:column --><div><!-- wp:separator --><hr/>"
        "<!-- /wp:separator --></div><!-- /wp:column --></div><!-- /wp:columns -->"
        "</div><!-- /wp:group -->"
    )
    assert [b["type"] for b in blocks(raw)] == ["heading", "separator"]


def test_freeform_text_between_blocks_gets_paragraphs():
    raw = "سطر أول\n\nسطر ثان<!-- wp:separator --><hr/><!-- /wp:separator -->"
    assert blocks(raw) == [
        {"type": "paragraph", "value": "<p>سطر أول</p>"},
        {"type": "paragraph", "value": "<p>سطر ثان</p>"},
        {"type": "separator", "value": None},
    ]


def test_code_block_keeps_language_and_indentation():
    raw = (
        '<!-- wp:code --><pre class="wp-block-code"><code class="language-python">'
        "def f():\n    return &quot;نص&quot;</code></pre><!-- /wp:code -->"
    )
    assert blocks(raw) == [
        {
            "type": "code",
            "value": {"language": "python", "code": 'def f():\n    return "نص"'},
        }
    ]


def test_video_and_audio_blocks_are_embeds():
    raw = (
        '<!-- wp:video --><figure class="wp-block-video"><video src="https://cdn.example/v.mp4">'
        "</video></figure><!-- /wp:video -->"
        '<!-- wp:audio --><figure><audio><source src="https://cdn.example/a.mp3"/></audio>'
        "</figure><!-- /wp:audio -->"
    )
    assert [b["value"]["url"] for b in blocks(raw)] == [
        "https://cdn.example/v.mp4",
        "https://cdn.example/a.mp3",
    ]


def test_empty_paragraph_blocks_make_nothing():
    raw = (
        "<!-- wp:paragraph --><p>&nbsp;</p><!-- /wp:paragraph --><!-- wp:paragraph -->"
    )
    raw += "<p></p><!-- /wp:paragraph -->"
    assert blocks(raw) == []


def test_heading_with_arabic_and_inline_markup_is_plain_text():
    raw = '<!-- wp:heading --><h2><em>الرياضة</em> <a href="/x">اليوم</a></h2><!-- /wp:heading -->'
    assert blocks(raw) == [
        {"type": "heading", "value": {"text": "الرياضة اليوم", "level": "h2"}}
    ]
