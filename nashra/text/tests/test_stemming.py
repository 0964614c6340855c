"""Light stemming: clitics and suffixes off, root letters left alone."""

import pytest

from nashra.text.normalise import normalise
from nashra.text.stemming import stem


def _stem(word: str) -> str:
    return stem(normalise(word))


@pytest.mark.parametrize(
    ("variant", "base"),
    [
        ("الاسبوع", "الأسبوع"),
        ("مدرسة", "المدرسه"),
        ("وبوتين", "بوتين"),
        ("لبوتين", "بوتين"),
        ("والمدرسة", "مدرسة"),
        ("بالمدرسة", "مدرسة"),
        ("كالمدرسة", "مدرسة"),
        ("فالمدرسة", "مدرسة"),
        ("للمدرسة", "مدرسة"),
        ("مدرستها", "مدرسة"),
        ("مدرستهم", "مدرسة"),
        ("الوزير", "وزير"),
        ("ووزيرها", "وزير"),
        ("والوزراء", "وزراء"),
        ("الحكومة", "حكومتها"),
        ("حكومتنا", "حكومة"),
        ("الانتخابات", "انتخاب"),
        ("المهندسون", "مهندس"),
        ("المهندسين", "مهندس"),
        ("لاعبين", "لاعب"),
        ("اللاعبان", "لاعب"),
        ("الاقتصادية", "اقتصاد"),
        ("الاقتصادي", "اقتصاد"),
        ("الفلسطينيون", "فلسطين"),
        ("فلسطيني", "فلسطين"),
        ("ولبنان", "لبنان"),
        ("كتابهم", "كتاب"),
        ("بالكتاب", "كتاب"),
        ("سياراتنا", "سيارة"),
        ("فريقنا", "الفريق"),
        ("للفريق", "فريق"),
    ],
)
def test_variants_share_a_stem(variant, base):
    """Clitics and endings must not hide an article from its reader."""
    assert _stem(variant) == _stem(base)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("ولد", "ولد"),
        ("بلد", "بلد"),
        ("وطن", "وطن"),
        ("فوز", "فوز"),
        ("كتب", "كتب"),
        ("لبنان", "لبنان"),
        ("ايران", "ايران"),
        ("السودان", "سودان"),
        ("بوتين", "بوتين"),
        ("وزير", "وزير"),
        ("فريق", "فريق"),
        ("علي", "علي"),
        ("بنك", "بنك"),
    ],
)
def test_short_words_and_names_are_not_overstemmed(word, expected):
    """ "ولد" is not "و" + "لد", and "لبنان" is not a dual of "لبن"."""
    assert _stem(word) == expected


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("وزير", "زير"),
        ("لبنان", "لبن"),
        ("بلد", "لد"),
        ("مدرسة", "درس"),
    ],
)
def test_distinct_words_stay_distinct(one, other):
    """Over-stemming merges unrelated words and floods results."""
    assert _stem(one) != _stem(other)


@pytest.mark.parametrize(
    "token", ["", "و", "ال", "2024", "5g", "macron", "covid", "ء", "_"]
)
def test_odd_tokens_pass_through(token):
    """Digits, Latin and one-letter tokens are returned as they are."""
    assert stem(token) == token


@pytest.mark.parametrize("word", ["والمدرسة", "الفلسطينيون", "ووزيرها", "بالكتاب"])
def test_stem_is_stable(word):
    """Prefix search feeds a stem back in; it must not shrink again."""
    once = _stem(word)
    assert stem(once) == once


def test_long_token_is_handled():
    """A 10,000-letter token (pasted garbage) must not blow up or hang."""
    assert stem("ب" * 10_000)
