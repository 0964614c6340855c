"""Hold/block lists and routing: spelling variants must not slip through (#3)."""

import pytest

from nashra.comments.rules import first_match, parse_list


@pytest.mark.parametrize(
    ("entries", "fields", "expected"),
    [
        (["كازينو"], {"text": "أفضل كآزينو اونلاين"}, "كازينو"),
        (["كازينو"], {"text": "كا\u200bزينو مجاني"}, "كازينو"),
        (["احمد"], {"name": "أحمد"}, "احمد"),
        (["spam@example.com"], {"email": "SPAM@example.com"}, "spam@example.com"),
        (["198.51.100.9"], {"ip": "198.51.100.9"}, "198.51.100.9"),
        (["علي"], {"text": "سلام عليه"}, ""),
        (["علي"], {"name": "علي حسن"}, ""),
        ([], {"text": "كازينو"}, ""),
    ],
)
def test_first_match_after_normalisation(entries, fields, expected):
    """Variants (hamza, zero-width, case) match; a name inside a word does not."""
    assert first_match(parse_list("\n".join(entries)), **fields) == expected


def test_parse_list_skips_blank_lines_and_repeats():
    """Editors paste lists with blank lines and duplicates."""
    assert parse_list("أحمد\n\n  احمد \nCASINO") == ["احمد", "casino"]
