"""Numbers in an export are plain digits; anything else is a problem noted."""

import pytest

from nashra.importers.wxr.fields import parse_int


@pytest.mark.parametrize("text", ["1_0", "٣", "1e3", "0x10", "12abc", "--1"])
def test_what_python_reads_as_a_number_but_wordpress_never_writes(text):
    problems = []
    assert parse_int(text, "post_id", problems, default=-1) == -1
    assert problems[0].kind == "number"
    assert text in problems[0].reason


@pytest.mark.parametrize(
    ("text", "number"), [("42", 42), (" 7 ", 7), ("-3", -3), ("", 0)]
)
def test_plain_digits(text, number):
    problems = []
    assert parse_int(text, "post_id", problems) == number
    assert problems == []
