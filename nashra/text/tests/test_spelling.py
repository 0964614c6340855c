"""«هل تقصد؟»: nearest spellings on normalised Arabic (#18)."""

import pytest

from nashra.text.normalise import normalise
from nashra.text.spelling import Vocabulary, allowed_distance, edit_distance

HEADLINES = [
    "الاقتصاد السعودي ينمو رغم تراجع النفط",
    "الاقتصاد العالمي يتباطأ",
    "مباراة الهلال والنصر تنتهي بالتعادل",
    "وزير الخارجية يزور القاهرة",
    "وزير الخارجية يلتقي نظيره",
    "انتخابات البرلمان في العراق",
]
WORDS = Vocabulary(HEADLINES)


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("كتاب", "كتاب", 0), ("كتاب", "كتب", 1), ("كتاب", "كتاث", 1),
     ("مبارة", "مباراة", 1), ("انتخابات", "انتخبات", 1),
     ("ترجاع", "تراجع", 1), ("وزير", "سفير", 2), ("", "قطر", 3)],
)  # fmt: skip
def test_edit_distance_counts_insertions_deletions_changes_and_swaps(a, b, distance):
    assert edit_distance(a, b) == distance
    assert edit_distance(b, a) == distance


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("الاقتصد", "الاقتصاد"),  # a dropped long vowel
     ("مبارة", "مباراة"),  # a dropped alef
     ("وزبر", "وزير"),  # a neighbouring key
     ("انتخبات", "انتخابات"),
     ("الخرجبة", "الخارجية"),  # two slips in a long word
     ("ترجاع", "تراجع")],  # two letters swapped
)  # fmt: skip
def test_closest_spelling_comes_from_the_sites_own_words(typed, expected):
    assert WORDS.closest(typed) == expected


@pytest.mark.parametrize(
    "typed",
    ["الإقتصاد", "الاقتصادُ", "الخارجيه", "مباراه"],  # hamza, harakat, taa marbuta
)
def test_spelling_the_search_already_folds_is_not_a_mistake(typed):
    """These already match: «هل تقصد؟» would only nag the reader."""
    assert typed in WORDS
    assert WORDS.closest(typed) is None


@pytest.mark.parametrize("typed", ["قط", "طائرة", "xyzzy", "في", "2024"])
def test_no_suggestion_when_nothing_is_near_or_the_word_is_too_short(typed):
    assert WORDS.closest(typed) is None


def test_the_commoner_of_two_equally_near_words_wins():
    words = Vocabulary(["سوريا", "سوريا", "سوريا", "سوريه"[:-1] + "ة"])
    assert normalise(words.closest("سوربا")) == normalise("سوريا")


def test_the_articles_most_frequent_spelling_is_shown():
    words = Vocabulary(["الإمارات", "الإمارات", "الامارات"])
    assert words.closest("الإمرات") == "الإمارات"


def test_a_short_word_allows_one_mistake_only():
    assert allowed_distance("وزير") == 1
    assert Vocabulary(["وزير"]).closest("وزر") == "وزير"
    assert Vocabulary(["وزير"]).closest("زر") is None
    assert Vocabulary(["وزير"]).closest("رزيو") is None


def test_correct_keeps_the_query_around_the_changed_words():
    assert WORDS.correct("مبارة الهلال") == "مباراة الهلال"
    assert WORDS.correct('"وزبر الخارجية" -القاهرة') == '"وزير الخارجية" -القاهرة'
    assert WORDS.correct("الاقتصد  والنفط") == "الاقتصاد  والنفط"


def test_correct_says_none_when_nothing_changes():
    assert WORDS.correct("وزير الخارجية") is None
    assert WORDS.correct("طائرة") is None
    assert WORDS.correct("") is None


def test_an_empty_vocabulary_suggests_nothing():
    assert Vocabulary([]).closest("الاقتصد") is None
    assert len(Vocabulary(["", None, "في من"])) == 0
