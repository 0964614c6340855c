"""Parsing of WXR field text: dates, integers and percent-encoded slugs."""

import re
from datetime import UTC, datetime, timedelta, timezone
from urllib.parse import unquote

from .records import Problem

WP_DATE_FORMAT = "%Y-%m-%d %H:%M:%S"
# WordPress writes this for "no date" (drafts have no GMT date yet).
ZERO_DATE = "0000-00-00 00:00:00"
# Python refuses to convert longer digit strings (sys.get_int_max_str_digits).
PLAIN_INTEGER = re.compile(r"[+-]?[0-9]{1,4000}")


def parse_gmt(text: str, what: str, problems: list[Problem]) -> datetime | None:
    """A WXR GMT date as an aware UTC datetime, or None with a problem noted."""
    naive = _parse_naive(text, what, problems)
    return naive.replace(tzinfo=UTC) if naive else None


def parse_local(
    text: str, gmt: datetime | None, what: str, problems: list[Problem]
) -> datetime | None:
    """The site-local date, aware, with the offset the GMT date implies.

    WXR gives local wall-clock time without an offset; the GMT twin tells us
    the offset. Without it (drafts), the local time is taken as UTC and noted.
    """
    naive = _parse_naive(text, what, problems)
    if naive is None:
        return None
    if gmt is None:
        if text.strip():
            problems.append(Problem("date", f"{what}: no GMT date, local time as UTC"))
        return naive.replace(tzinfo=UTC)
    minutes = round((naive - gmt.replace(tzinfo=None)).total_seconds() / 60)
    if abs(minutes) > 18 * 60:
        problems.append(Problem("date", f"{what}: offset {minutes} min, taken as UTC"))
        return naive.replace(tzinfo=UTC)
    return naive.replace(tzinfo=timezone(timedelta(minutes=minutes)))


def _wordpress_shaped(text: str) -> bool:
    """ "YYYY-MM-DD HH:MM:SS" in ASCII digits, hour below 24 (newer Pythons'
    ISO parser reads 24:00 as the next day; strptime refuses it)."""
    digits = text[:4] + text[5:7] + text[8:10] + text[11:13] + text[14:16] + text[17:]
    return (
        len(text) == 19
        and text[4] == text[7] == "-"
        and text[10] == " "
        and text[13] == text[16] == ":"
        and digits.isascii()
        and digits.isdigit()
        and text[11:13] < "24"
    )


def _parse_naive(text: str, what: str, problems: list[Problem]) -> datetime | None:
    text = text.strip()
    if not text or text == ZERO_DATE:
        return None
    if _wordpress_shaped(text):
        # The shape WordPress always writes, read by the C ISO parser (fifty
        # times faster than strptime, four dates a post); fixed separators
        # leave it nothing else to accept. Any other text goes to strptime.
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            pass
    try:
        return datetime.strptime(text, WP_DATE_FORMAT)
    except ValueError:
        problems.append(Problem("date", f"{what}: invalid date {text[:40]!r}"))
        return None


def parse_int(text: str, what: str, problems: list[Problem], default=0):
    text = text.strip()
    if not text:
        return default
    # int() also reads "1_0" as 10 and "٣" as 3; WordPress writes plain digits.
    if PLAIN_INTEGER.fullmatch(text):
        return int(text)
    problems.append(Problem("number", f"{what}: not a number {text[:40]!r}"))
    return default


def decode_slug(text: str, problems: list[Problem] | None = None) -> str:
    """Percent-decode a WordPress slug to Unicode (WP stores Arabic slugs encoded).

    A slug whose bytes are not UTF-8 is kept as written, with a problem noted.
    """
    text = text.strip()
    if "%" not in text:
        return text
    try:
        return unquote(text, errors="strict")
    except UnicodeDecodeError:
        if problems is not None:
            problems.append(Problem("slug", f"slug is not UTF-8: {text[:60]!r}"))
        return text
