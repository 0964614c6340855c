"""WordPress attachment ids read from markup: only whole numbers, never a crash (#13).

The id decides which imported image a block shows, so an odd attribute must
give "no id" (the URL is used instead), never another attachment's id.
"""

import pytest

from nashra.importers.convert import convert_content
from nashra.importers.convert.tree import parse_fragment
from nashra.importers.convert.values import attachment_id_of, parse_attachment_id

SITE = "https://news.example"
SRC = "https://news.example/wp-content/uploads/souq.jpg"


def img(attrs: str):
    return parse_fragment(f'<img {attrs} src="{SRC}">').find("img")


def image_ids(raw: str) -> list:
    blocks = convert_content(raw, site_url=SITE).blocks
    found = []
    for item in blocks:
        if item["type"] == "image":
            found.append(item["value"]["image"]["wp_attachment_id"])
        elif item["type"] == "gallery":
            found.extend(
                i["image"]["wp_attachment_id"] for i in item["value"]["images"]
            )
    return found


@pytest.mark.parametrize(
    ("attrs", "wp_id"),
    [
        ('data-id="12"', 12),
        ('data-attachment-id="13"', 13),
        ('class="alignleft wp-image-14 size-full"', 14),
        ('data-id="15" class="wp-image-99"', 15),
        ('data-id="" class="wp-image-16"', 16),
        ('data-id="x" data-attachment-id="17"', 17),
        ('class="wp-image-"', None),
        ('class="wp-image-18x"', None),
        ("", None),
    ],
)
def test_attachment_id_of(attrs, wp_id):
    assert attachment_id_of(img(attrs)) == wp_id


@pytest.mark.parametrize("odd", ["²", "①", "³4", "½", "⁵"])
def test_digit_like_characters_are_no_id(odd):
    # str.isdigit() accepts superscripts and circled numbers, int() does not:
    # one such data-id made the whole post fail with a ValueError.
    assert attachment_id_of(img(f'data-id="{odd}"')) is None
    assert image_ids(f'<p><img data-id="{odd}" src="{SRC}"></p>') == [None]


def test_arabic_indic_digits_are_read_as_numbers():
    assert attachment_id_of(img('data-id="٤٢"')) == 42


@pytest.mark.parametrize(
    ("text", "wp_id"),
    [
        ("attachment_612", 612),
        ("612", 612),
        (" attachment_7 ", 7),
        ("attachment_", None),
        ("", None),
        ("attachment_²", None),
    ],
)
def test_parse_attachment_id(text, wp_id):
    assert parse_attachment_id(text) == wp_id


@pytest.mark.parametrize("value", ["true", "false", '"311"', "3.5", "null", "[311]"])
def test_image_block_id_must_be_an_integer(value):
    # JSON true is a Python bool, which is an int: it read as attachment 1.
    raw = (
        f'<!-- wp:image {{"id":{value}}} --><figure class="wp-block-image">'
        f'<img src="{SRC}"/></figure><!-- /wp:image -->'
    )
    assert image_ids(raw) == [None]


def test_image_block_id_wins_over_the_class():
    raw = (
        '<!-- wp:image {"id":311} --><figure><img class="wp-image-5" '
        f'src="{SRC}"/></figure><!-- /wp:image -->'
    )
    assert image_ids(raw) == [311]


def test_image_block_without_an_id_takes_the_class():
    raw = (
        f'<!-- wp:image --><figure><img class="wp-image-5" src="{SRC}"/></figure>'
        "<!-- /wp:image -->"
    )
    assert image_ids(raw) == [5]


def test_old_gallery_ids_skip_non_integers():
    raw = '<!-- wp:gallery {"ids":[true,4,"5",false,6.0,7]} /-->'
    assert image_ids(raw) == [4, 7]


def test_caption_shortcode_with_a_superscript_id_keeps_the_image():
    raw = f'[caption id="attachment_²"]<img data-id="²" src="{SRC}"/>نص[/caption]'
    assert image_ids(raw) == [None]


@pytest.mark.parametrize("ids", ["5", '"5,6"', '{"a":5}', "null"])
def test_old_gallery_ids_that_are_not_a_list_never_raise(ids):
    # A bare number was iterated and raised TypeError, losing the post.
    raw = f'<!-- wp:gallery {{"ids":{ids}}} /-->'
    result = convert_content(raw, site_url=SITE)
    assert result.blocks == []
    assert [p.reason for p in result.problems] == [
        "core/gallery without images dropped"
    ]
