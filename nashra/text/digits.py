"""Western (0-9) and Arabic-Indic (٠-٩) digits, both ways, and number formatting."""

import math
import re
from decimal import Decimal

DIGITS_WESTERN = "western"
DIGITS_ARABIC = "arabic"
DIGIT_STYLES = (DIGITS_WESTERN, DIGITS_ARABIC)

ARABIC_DECIMAL_SEPARATOR = "\u066b"  # ٫
ARABIC_THOUSANDS_SEPARATOR = "\u066c"  # ٬
# CLDR's minus sign for Arabic-Indic digits is U+061C ARABIC LETTER MARK + "-":
# without the mark, the bidi algorithm can push the sign to the far side of
# the number inside right-to-left text.
ARABIC_MINUS = "\u061c-"

_WESTERN_TO_ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_NUMBER_TO_ARABIC = str.maketrans(
    "0123456789.,",
    "٠١٢٣٤٥٦٧٨٩" + ARABIC_DECIMAL_SEPARATOR + ARABIC_THOUSANDS_SEPARATOR,
)
# Persian digits (۰-۹) arrive in text pasted from Persian or Urdu keyboards.
_TO_WESTERN = str.maketrans(
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹" + ARABIC_DECIMAL_SEPARATOR + ARABIC_THOUSANDS_SEPARATOR,
    "01234567890123456789.,",
)
# Only a "." or "," with a digit on both sides is part of a number; elsewhere
# it is sentence punctuation and must stay as written.
_SEPARATOR_BETWEEN_DIGITS = re.compile(r"(?<=[0-9])[.,](?=[0-9])")


def _arabic_separator(match: re.Match) -> str:
    if match.group() == ".":
        return ARABIC_DECIMAL_SEPARATOR
    return ARABIC_THOUSANDS_SEPARATOR


def to_arabic_indic(value) -> str:
    """Write the Western digits of ``value`` as Arabic-Indic digits.

    Numbers are formatted first (no grouping); in strings, "." and "," count as
    number separators only between two digits.

    >>> to_arabic_indic("الساعة 14:05")
    'الساعة ١٤:٠٥'
    >>> to_arabic_indic("ارتفع 2.5 في المئة.")
    'ارتفع ٢٫٥ في المئة.'
    """
    if not isinstance(value, str):
        return format_number(value, digits=DIGITS_ARABIC, grouping=False)
    text = _SEPARATOR_BETWEEN_DIGITS.sub(_arabic_separator, value)
    return text.translate(_WESTERN_TO_ARABIC)


def to_western(text: str) -> str:
    """Replace Arabic-Indic and Persian digits (and ٫ ٬) with their Western forms.

    >>> to_western("عدد ١٢٣ و۴۵")
    'عدد 123 و45'
    """
    return text.translate(_TO_WESTERN)


def format_number(n, digits: str = DIGITS_WESTERN, grouping: bool = True) -> str:
    """Format an int, float or Decimal in the chosen digit style.

    >>> format_number(1234567.5, digits="arabic")
    '١٬٢٣٤٬٥٦٧٫٥'
    >>> format_number(2024, grouping=False)
    '2024'
    """
    if digits not in DIGIT_STYLES:
        raise ValueError(f"digits must be one of {DIGIT_STYLES}, got {digits!r}")
    # bool is an int subclass, but True printed as "1" is always a template bug.
    if isinstance(n, bool) or not isinstance(n, int | float | Decimal):
        raise TypeError(f"format_number expects a number, got {type(n).__name__}")
    if not (isinstance(n, int) or math.isfinite(n)):
        raise ValueError(f"cannot format a non-finite number: {n!r}")
    text = format(n, ",") if grouping else str(n)
    if digits == DIGITS_WESTERN:
        return text
    negative = text.startswith("-")
    text = text.lstrip("-")
    text = text.translate(_NUMBER_TO_ARABIC)
    return ARABIC_MINUS + text if negative else text
