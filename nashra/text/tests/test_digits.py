from decimal import Decimal

import pytest

from nashra.text.digits import (
    ARABIC_MINUS,
    DIGITS_ARABIC,
    DIGITS_WESTERN,
    format_number,
    to_arabic_indic,
    to_western,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0123456789", "٠١٢٣٤٥٦٧٨٩"),
        ("الساعة 14:05", "الساعة ١٤:٠٥"),
        ("العدد 2024", "العدد ٢٠٢٤"),
        ("نما الاقتصاد 2.5 في المئة.", "نما الاقتصاد ٢٫٥ في المئة."),
        ("بلغ 1,250 شخصًا", "بلغ ١٬٢٥٠ شخصًا"),
        ("لا أرقام هنا", "لا أرقام هنا"),
        ("", ""),
        (7, "٧"),
        (3.5, "٣٫٥"),
        (1250, "١٢٥٠"),
        (Decimal("0.75"), "٠٫٧٥"),
    ],
)
def test_to_arabic_indic(value, expected):
    """Readers of Arabic editions expect ٠-٩ wherever the site shows a number."""
    assert to_arabic_indic(value) == expected


@pytest.mark.parametrize(
    "sentence",
    ["انتهى الاجتماع. ثم غادروا.", "أولًا، ثانيًا, ثالثًا.", "النسخة 3. الفصل 4"],
)
def test_to_arabic_indic_leaves_sentence_punctuation(sentence):
    """A full stop after a number ends the sentence; it must not become ٫."""
    assert "٫" not in to_arabic_indic(sentence)
    assert "٬" not in to_arabic_indic(sentence)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("٠١٢٣٤٥٦٧٨٩", "0123456789"),
        ("۰۱۲۳۴۵۶۷۸۹", "0123456789"),
        ("هاتف ٠١٠٢٣٤", "هاتف 010234"),
        ("٢٫٥ و١٬٠٠٠", "2.5 و1,000"),
        ("مزيج ١٢ و۳۴ و56", "مزيج 12 و34 و56"),
        ("بلا أرقام", "بلا أرقام"),
    ],
)
def test_to_western(text, expected):
    """Search and parsing need one digit form whatever keyboard the reader used."""
    assert to_western(text) == expected


@pytest.mark.parametrize("number", [0, 7, 42, 1234567, -15, 3.25, Decimal("9.50")])
def test_round_trip(number):
    """Arabic digits must convert back to the same Western text."""
    western = format_number(number)
    arabic = format_number(number, digits=DIGITS_ARABIC)
    assert to_western(arabic.replace(ARABIC_MINUS, "-")) == western


@pytest.mark.parametrize(
    ("number", "digits", "grouping", "expected"),
    [
        (1234567, DIGITS_WESTERN, True, "1,234,567"),
        (1234567, DIGITS_WESTERN, False, "1234567"),
        (1234567, DIGITS_ARABIC, True, "١٬٢٣٤٬٥٦٧"),
        (1234567, DIGITS_ARABIC, False, "١٢٣٤٥٦٧"),
        (1234.5, DIGITS_ARABIC, True, "١٬٢٣٤٫٥"),
        (Decimal("1000.25"), DIGITS_ARABIC, True, "١٬٠٠٠٫٢٥"),
        (999, DIGITS_ARABIC, True, "٩٩٩"),
        (0, DIGITS_ARABIC, True, "٠"),
        (-1500, DIGITS_WESTERN, True, "-1,500"),
        (-1500, DIGITS_ARABIC, True, "\u061c-١٬٥٠٠"),
    ],
)
def test_format_number(number, digits, grouping, expected):
    """Separators follow the digits: ٫ and ٬ with Arabic-Indic, . and , otherwise."""
    assert format_number(number, digits=digits, grouping=grouping) == expected


def test_arabic_minus_carries_letter_mark():
    """Without U+061C the minus can drift to the wrong side in RTL text."""
    assert format_number(-5, digits=DIGITS_ARABIC).startswith("\u061c")


@pytest.mark.parametrize("bad", ["12", None, True, [1], object()])
def test_format_number_rejects_non_numbers(bad):
    """A string or bool reaching the formatter is a caller bug worth surfacing."""
    with pytest.raises(TypeError):
        format_number(bad)


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), Decimal("NaN")])
def test_format_number_rejects_non_finite(bad):
    """'nan' must never be printed in an article as a figure."""
    with pytest.raises(ValueError, match="non-finite"):
        format_number(bad)


def test_format_number_rejects_unknown_style():
    """A typo in a template option must fail loudly, not print Western digits."""
    with pytest.raises(ValueError, match="digits must be one of"):
        format_number(5, digits="hindi")
