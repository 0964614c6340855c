"""What the index reads from an article's stored body, on odd stored JSON (#5).

Bodies written by older block versions, the importer or a hand fix in the
database must not stop a reindex of the whole archive.
"""

import json

import pytest

from nashra.search.indexing import analyse_row, stream_text


def row(title="عنوان", summary="", body=None):
    return (1, None, None, title, summary, json.dumps(body) if body is not None else "")


def test_paragraph_html_is_reduced_to_its_words():
    text = stream_text(
        [{"type": "paragraph", "value": "<p>كلمة <b>قوية</b> &amp; أخرى</p>"}]
    )
    assert text == "كلمة قوية & أخرى"


def test_headings_and_quotes_give_their_text():
    blocks = [
        {"type": "heading", "value": {"text": "عنوان فرعي", "level": "h2"}},
        {"type": "quote", "value": {"text": "قول", "source": "قائل"}},
        {"type": "pull_quote", "value": {"text": "اقتباس", "attribution": "x"}},
    ]
    assert stream_text(blocks).split("\n") == ["عنوان فرعي", "قول", "اقتباس"]


def test_media_and_code_blocks_add_no_words():
    blocks = [
        {"type": "image", "value": {"image": 1, "caption": ""}},
        {"type": "embed", "value": {"url": "https://video.example/1"}},
        {"type": "separator", "value": None},
    ]
    assert stream_text(blocks) == ""


@pytest.mark.parametrize(
    "block",
    [
        {"type": "heading", "value": {"level": "h2"}},
        {"type": "heading", "value": None},
        {"type": "quote", "value": "نص قديم بلا بنية"},
        {"type": "quote", "value": {"text": None}},
        {"type": "paragraph", "value": None},
        {"type": "paragraph"},
        {"value": "بلا نوع"},
        {},
    ],
)
def test_malformed_stored_blocks_are_skipped_not_fatal(block):
    """One odd block must not raise and stop `nashra search reindex`."""
    text = stream_text([block, {"type": "paragraph", "value": "<p>باقية</p>"}])
    assert text.endswith("باقية")


def test_a_quote_stored_as_a_string_keeps_its_words():
    assert "قديم" in stream_text([{"type": "quote", "value": "نص قديم"}])


def test_analyse_row_splits_headline_and_text_terms():
    title, text, names = analyse_row(
        row("وزير الخارجية", "ملخص", [{"type": "paragraph", "value": "<p>المدرسة</p>"}])
    )
    assert title == ["وزير", "خارج"]
    assert "مدرس" in " ".join(text)
    assert "xوزر" not in names, "an ordinary word answers to no name key (#18)"


def test_analyse_row_keys_names_in_headline_and_text():
    """A brand in the headline and another in the text are both found
    whatever the reader's spelling (#18)."""
    *_, names = analyse_row(
        row("غوغل", "", [{"type": "paragraph", "value": "<p>شركة سامسونج</p>"}])
    )
    assert names == ["xكاكل", "xسمسنك"]


def test_analyse_row_with_an_empty_body():
    title, text, names = analyse_row(row("خبر", "", None))
    assert title and text == [] and names == []


def test_nul_and_control_characters_in_the_body_do_not_reach_terms():
    _, text, _ = analyse_row(
        row(body=[{"type": "paragraph", "value": "<p>كلمة\x00أخرى\x07</p>"}])
    )
    assert all("\x00" not in term and "\x07" not in term for term in text)
