"""Gutenberg block comments → a tree of Blocks, before any conversion (#13)."""

import pytest

from nashra.importers.convert.blockparser import Block, full_name, parse_blocks
from nashra.importers.convert.context import Context


def parse(text: str) -> tuple[list, Context]:
    ctx = Context()
    return parse_blocks(text, ctx), ctx


def reasons(ctx: Context) -> list[str]:
    return [problem.reason for problem in ctx.problems]


@pytest.mark.parametrize(
    ("name", "full"),
    [
        ("paragraph", "core/paragraph"),
        ("core/paragraph", "core/paragraph"),
        ("jetpack/slideshow", "jetpack/slideshow"),
        ("core-embed/youtube", "core-embed/youtube"),
    ],
)
def test_full_name_adds_core_namespace_only_when_missing(name, full):
    assert full_name(name) == full


def test_plain_text_is_one_freeform_part():
    parts, ctx = parse("<p>نص بلا كتل</p>")
    assert parts == ["<p>نص بلا كتل</p>"]
    assert ctx.problems == []


def test_empty_text_has_no_parts():
    parts, ctx = parse("")
    assert parts == []
    assert ctx.problems == []


def test_block_holds_its_html_and_attributes():
    parts, ctx = parse(
        '<!-- wp:heading {"level":3} --><h3>الأخبار</h3><!-- /wp:heading -->'
    )
    (heading,) = parts
    assert heading.name == "core/heading"
    assert heading.attrs == {"level": 3}
    assert heading.html() == "<h3>الأخبار</h3>"
    assert ctx.problems == []


def test_freeform_between_blocks_is_kept_in_order():
    parts, _ = parse(
        "قبل<!-- wp:paragraph --><p>أ</p><!-- /wp:paragraph -->بين"
        "<!-- wp:paragraph --><p>ب</p><!-- /wp:paragraph -->بعد"
    )
    assert [p if isinstance(p, str) else p.html() for p in parts] == [
        "قبل",
        "<p>أ</p>",
        "بين",
        "<p>ب</p>",
        "بعد",
    ]


def test_self_closing_block_has_no_parts_and_does_not_swallow_the_rest():
    parts, ctx = parse(
        '<!-- wp:latest-posts {"postsToShow":3} /--><!-- wp:paragraph -->'
        "<p>تالية</p><!-- /wp:paragraph -->"
    )
    assert [p.name for p in parts] == ["core/latest-posts", "core/paragraph"]
    assert parts[0].parts == []
    assert parts[0].attrs == {"postsToShow": 3}
    assert ctx.problems == []


def test_self_closing_block_without_attributes():
    parts, _ = parse("<!-- wp:nextpage /-->")
    assert [(p.name, p.attrs, p.parts) for p in parts] == [("core/nextpage", {}, [])]


def test_nested_blocks_keep_inner_and_own_html_apart():
    parts, _ = parse(
        '<!-- wp:gallery {"linkTo":"none"} --><figure class="wp-block-gallery">'
        '<!-- wp:image {"id":5} --><figure><img src="a.jpg"/></figure><!-- /wp:image -->'
        "<figcaption>معرض</figcaption></figure><!-- /wp:gallery -->"
    )
    (gallery,) = parts
    (image,) = gallery.inner_blocks
    assert image.attrs == {"id": 5}
    assert gallery.own_html() == (
        '<figure class="wp-block-gallery"><figcaption>معرض</figcaption></figure>'
    )
    assert '<img src="a.jpg"/>' in gallery.html()
    assert "<figcaption>معرض</figcaption>" in gallery.html()


def test_same_name_nested_closes_innermost_first():
    parts, ctx = parse(
        "<!-- wp:group --><div>خارج<!-- wp:group --><div>داخل</div><!-- /wp:group -->"
        "</div><!-- /wp:group -->"
    )
    (outer,) = parts
    (inner,) = outer.inner_blocks
    assert inner.html() == "<div>داخل</div>"
    assert outer.html() == "<div>خارج<div>داخل</div></div>"
    assert ctx.problems == []


def test_unclosed_block_reads_to_the_end_and_is_noted():
    parts, ctx = parse("<!-- wp:paragraph --><p>بلا نهاية</p>")
    (paragraph,) = parts
    assert paragraph.html() == "<p>بلا نهاية</p>"
    assert reasons(ctx) == ["core/paragraph not closed; read to the end"]


def test_closing_an_outer_block_closes_the_inner_one_with_a_note():
    parts, ctx = parse(
        "<!-- wp:quote --><blockquote><!-- wp:paragraph --><p>قول</p>"
        "</blockquote><!-- /wp:quote --><p>بعد</p>"
    )
    assert isinstance(parts[0], Block) and parts[0].name == "core/quote"
    assert parts[1] == "<p>بعد</p>"
    assert reasons(ctx) == ["core/paragraph not closed before core/quote"]


def test_stray_closer_is_ignored_with_a_note():
    parts, ctx = parse("<p>نص</p><!-- /wp:paragraph --><p>آخر</p>")
    assert parts == ["<p>نص</p>", "<p>آخر</p>"]
    assert reasons(ctx) == ["closing core/paragraph without an opening, ignored"]


@pytest.mark.parametrize("raw", ["{not json}", '{"level": }', "{'level': 2}"])
def test_attributes_that_are_not_json_are_ignored_with_a_note(raw):
    parts, ctx = parse(f"<!-- wp:heading {raw} --><h2>ع</h2><!-- /wp:heading -->")
    (heading,) = parts
    assert heading.attrs == {}
    assert heading.html() == "<h2>ع</h2>"
    assert reasons(ctx) == ["core/heading: attributes are not JSON, ignored"]


def test_attributes_with_arabic_and_escaped_markup():
    parts, _ = parse(
        '<!-- wp:image {"alt":"صورة \\u003cb\\u003eالسوق\\u003c/b\\u003e",'
        '"caption":"a \\u002d\\u002d b"} --><figure></figure><!-- /wp:image -->'
    )
    assert parts[0].attrs == {"alt": "صورة <b>السوق</b>", "caption": "a -- b"}


def test_delimiter_needs_a_space_before_wp():
    # "<!--wp:" is not a block comment to WordPress's parser either.
    parts, ctx = parse("<!--wp:paragraph--><p>نص</p><!--/wp:paragraph-->")
    assert all(isinstance(part, str) for part in parts)
    assert ctx.problems == []


def test_uppercase_names_are_not_blocks():
    parts, _ = parse("<!-- wp:Paragraph --><p>نص</p><!-- /wp:Paragraph -->")
    assert all(isinstance(part, str) for part in parts)


def test_ordinary_comments_stay_as_freeform_html():
    parts, _ = parse("<!-- تعليق --><!-- wp:separator /-->")
    assert parts[0] == "<!-- تعليق -->"
    assert parts[1].name == "core/separator"


def test_multiline_attributes():
    parts, _ = parse(
        '<!-- wp:columns {\n  "verticalAlignment": "top"\n} -->x<!-- /wp:columns -->'
    )
    assert parts[0].attrs == {"verticalAlignment": "top"}
    assert parts[0].html() == "x"


def test_json_that_is_not_an_object_is_no_attributes():
    # The pattern wants braces, so a list never reaches json.loads, and
    # the comment is then not a delimiter at all.
    parts, _ = parse("<!-- wp:heading [1,2] --><h2>ع</h2><!-- /wp:heading -->")
    blocks = [p for p in parts if isinstance(p, Block)]
    assert [b.name for b in blocks] == []
