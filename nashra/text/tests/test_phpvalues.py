"""PHP-serialized meta values read without running anything (#21)."""

import pytest

from nashra.text.phpvalues import PHPValueError, as_list, looks_serialized, unserialize


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('a:1:{i:0;a:1:{s:2:"id";s:3:"101";}}', {0: {"id": "101"}}),
        ('a:2:{i:1;s:6:"خبر";i:2;s:4:"test";}', {1: "خبر", 2: "test"}),
        ('s:8:"عاجل";', "عاجل"),  # eight bytes in UTF-8, not four characters
        ("i:-5;", -5),
        ("d:0.5;", 0.5),
        ("b:1;", True),
        ("N;", None),
        ('s:5:"a";b;";', 'a";b;'),  # a quote inside is counted, not a stop
    ],
)
def test_values(text, value):
    assert unserialize(text) == value


@pytest.mark.parametrize(
    "text",
    [
        'a:2:{i:0;s:40:"قصير";}',  # length longer than the string
        'O:8:"stdClass":0:{}',  # objects are never built
        "a:1:{i:0;R:1;}",  # nor references
        'a:1:{i:0;s:1:"x";',  # cut short
        'a:1:{i:0;s:1:"x";}extra',
        "خبر",
        "",
        "a:1:{" * 40 + "}" * 40,
    ],
)
def test_refused(text):
    with pytest.raises(PHPValueError):
        unserialize(text)


def test_lists_from_zero_or_one_in_key_order():
    assert as_list({2: "ب", 1: "أ"}) == ["أ", "ب"]
    assert as_list({0: "أ", 1: "ب"}) == ["أ", "ب"]
    assert as_list("not an array") == []


def test_looks_serialized():
    assert looks_serialized("a:0:{}")
    assert not looks_serialized("عادي")
