import pytest

from nashra.text.bylines import join_names, separators


@pytest.mark.parametrize(
    ("names", "lang", "expected"),
    [
        ([], "ar", ""),
        (["أحمد"], "ar", "أحمد"),
        (["أحمد", "سلمى"], "ar", "أحمد وسلمى"),
        (["أحمد", "سلمى", "خالد"], "ar", "أحمد وسلمى وخالد"),
        (["أحمد", "سلمى", "خالد", "ليلى"], "ar", "أحمد وسلمى وخالد وليلى"),
        # A Latin name after «و» keeps a space: the scripts must not touch.
        (["أحمد", "John Smith"], "ar", "أحمد و John Smith"),
        (["أحمد", "", "سلمى"], "ar", "أحمد وسلمى"),
        (["Ahmad"], "en", "Ahmad"),
        (["Ahmad", "Salma"], "en", "Ahmad and Salma"),
        (["Ahmad", "Salma", "Khaled"], "en", "Ahmad, Salma and Khaled"),
        (["A", "B", "C", "D"], "en-gb", "A, B, C and D"),
        (["أحمد", "سلمى"], "ar-eg", "أحمد وسلمى"),
    ],
)
def test_join_names(names, lang, expected):
    assert join_names(names, lang) == expected


def test_separators_match_the_gaps():
    assert separators(["أحمد"], "ar") == []
    assert separators(["a", "b", "c"], "en") == [", ", " and "]
    assert separators(["أحمد", "سلمى", "Kim"], "ar") == [" و", " و "]
