"""Fragment ids of sub-headings (#20)."""

import pytest

from nashra.text.anchors import anchor, anchors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ما الذي حدث؟", "ما-الذي-حدث"),
        ("أسعارُ الـنفط 2026", "أسعار-النفط-2026"),
        ("الأخـــبار، والتحليل!", "الأخبار-والتحليل"),
        ("الجولة ٣ من المفاوضات", "الجولة-٣-من-المفاوضات"),
        ("  Oil Prices  ", "oil-prices"),
        ("«»؟!", ""),
    ],
)
def test_anchor(text, expected):
    assert anchor(text) == expected


def test_the_same_text_always_gives_the_same_id():
    assert anchors(["الخلفية", "ردود الفعل"]) == anchors(["الخلفية", "ردود الفعل"])


def test_repeats_and_empty_headings_get_distinct_ids():
    assert anchors(["الخلفية", "الخلفية", "؟"]) == ["الخلفية", "الخلفية-2", "heading-3"]


def test_ids_the_page_already_uses_are_avoided():
    assert anchors(["Comments"], taken={"comments"}) == ["comments-2"]
