"""highlight() and snippet(): matches as written, plain segments for escaping."""

import pytest

from nashra.text.highlight import ELLIPSIS, highlight, snippet


def _marked(segments):
    return [text for text, is_match in segments if is_match]


def _joined(segments):
    return "".join(text for text, _ in segments)


@pytest.mark.parametrize(
    ("text", "terms", "marked"),
    [
        ("قالَ وزيرُ الخارجيّة", ["وزير"], ["وزيرُ"]),
        ("في الأسبوع المقبل", ["الاسبوع"], ["الأسبوع"]),
        ("زار المدرسة", ["مدرسه"], ["المدرسة"]),
        ("اتصل وبوتين", ["بوتين"], ["وبوتين"]),
        ("الاقتصـــاد ينمو", ["اقتصاد"], ["الاقتصـــاد"]),
        ("عام ٢٠٢٤", ["2024"], ["٢٠٢٤"]),
        ("زار MACRON القاهرة", ["macron"], ["MACRON"]),
        ("مسئول ومسؤول", ["مسؤول"], ["مسئول", "ومسؤول"]),
    ],
)
def test_matches_keep_the_original_spelling(text, terms, marked):
    """Readers see the article's own word marked, not our folded form."""
    segments = highlight(text, terms)
    assert _marked(segments) == marked
    assert _joined(segments) == text


def test_analysed_terms_are_accepted():
    """The view may pass ParsedQuery.terms (stems) straight through."""
    assert _marked(highlight("الحكومة الجديدة", ["حكوم"])) == ["الحكومة"]


def test_markup_is_returned_as_text():
    """Segments are escaped by the template; markup must survive as plain text."""
    text = "<script>alert(1)</script> وزير"
    segments = highlight(text, ["<script>", "وزير"])
    assert _joined(segments) == text
    assert _marked(segments) == ["script", "script", "وزير"]


@pytest.mark.parametrize("terms", [[], [""], ["؟؟"], ["ً"]])
def test_no_terms_marks_nothing(terms):
    """An empty query highlights nothing rather than everything."""
    assert highlight("وزير الخارجية", terms) == [("وزير الخارجية", False)]


def test_empty_text():
    """No text, no segments."""
    assert highlight("", ["وزير"]) == []
    assert snippet("", ["وزير"]) == []


def test_max_len_cuts_at_a_word():
    """A truncated headline must not end in half a word."""
    segments = highlight("وزير الخارجية يصل إلى بيروت", ["بيروت"], max_len=12)
    assert segments[-1] == (ELLIPSIS, False)
    assert not _joined(segments[:-1]).endswith(" ")
    assert _joined(segments[:-1]) in ("وزير", "وزير الخارجية")


def test_snippet_picks_the_window_with_most_matches():
    """The result list shows the passage that explains why the article matched."""
    text = (
        "مقدمة طويلة عن موضوع آخر. " * 20
        + "قال الوزير إن وزير التعليم ووزيرة الصحة اجتمعوا. "
        + "خاتمة لا علاقة لها. " * 20
    )
    segments = snippet(text, ["وزير"], length=80)
    assert len(_marked(segments)) >= 2
    assert segments[0] == (ELLIPSIS, False)
    assert segments[-1] == (ELLIPSIS, False)
    assert len(_joined(segments)) <= 80 + 2


def test_snippet_cuts_at_word_boundaries():
    """A snippet starts and ends on whole words."""
    text = "كلمةطويلة " * 100 + "الوزير " + "كلمةطويلة " * 100
    segments = snippet(text, ["وزير"], length=60)
    body = _joined(segments).strip(ELLIPSIS)
    assert all(word in ("كلمةطويلة", "الوزير") for word in body.split())


def test_snippet_without_matches_starts_at_the_top():
    """With no match, the opening of the article is the best summary."""
    text = "بداية الخبر " + "نص " * 200
    segments = snippet(text, ["غائب"], length=30)
    assert _joined(segments).startswith("بداية الخبر")
    assert segments[-1] == (ELLIPSIS, False)


def test_short_text_is_returned_whole():
    """No ellipsis when the text already fits."""
    assert snippet("وزير الخارجية", ["وزير"]) == [
        ("وزير", True),
        (" الخارجية", False),
    ]


def test_long_input_is_handled():
    """A 10,000-character body with many matches stays fast and bounded."""
    segments = snippet("وزير " * 2000, ["وزير"], length=200)
    assert len(_joined(segments)) <= 202
