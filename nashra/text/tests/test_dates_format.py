"""Dates written out for readers: calendars, month styles, zones (format_date)."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from nashra.text.dates import (
    format_date,
)

# A half-hour offset catches code that assumes whole-hour zones.
KOLKATA = ZoneInfo("Asia/Kolkata")
RIYADH = ZoneInfo("Asia/Riyadh")

# ---------------------------------------------------------------- format_date

JUNE_18 = date(2024, 6, 18)


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, "الثلاثاء 18 يونيو 2024"),
        ({"months": "levantine"}, "الثلاثاء 18 حزيران 2024"),
        ({"months": "both"}, "الثلاثاء 18 يونيو/حزيران 2024"),
        ({"weekday": False}, "18 يونيو 2024"),
        ({"digits": "arabic"}, "الثلاثاء ١٨ يونيو ٢٠٢٤"),
        ({"calendar": "hijri"}, "الثلاثاء 12 ذو الحجة 1445 هـ"),
        (
            {"calendar": "hijri", "digits": "arabic", "weekday": False},
            "١٢ ذو الحجة ١٤٤٥ هـ",
        ),
        (
            {"calendar": "both"},
            "الثلاثاء 18 يونيو 2024، الموافق 12 ذو الحجة 1445 هـ",
        ),
        (
            {"calendar": "both", "months": "both", "digits": "arabic"},
            "الثلاثاء ١٨ يونيو/حزيران ٢٠٢٤، الموافق ١٢ ذو الحجة ١٤٤٥ هـ",
        ),
        ({"time": True}, "الثلاثاء 18 يونيو 2024"),
    ],
)
def test_format_date_options(kwargs, expected):
    """Every option the theme exposes, on one known date."""
    assert format_date(JUNE_18, **kwargs) == expected


@pytest.mark.parametrize(
    ("value", "kwargs", "expected"),
    [
        (datetime(2024, 6, 18, 14, 5), {}, "الثلاثاء 18 يونيو 2024، الساعة 14:05"),
        (
            datetime(2024, 6, 18, 14, 5),
            {"digits": "arabic"},
            "الثلاثاء ١٨ يونيو ٢٠٢٤، الساعة ١٤:٠٥",
        ),
        (
            datetime(2024, 6, 18, 14, 5),
            {"clock": "12h"},
            "الثلاثاء 18 يونيو 2024، الساعة 2:05 م",
        ),
        (
            datetime(2024, 6, 18, 9, 30),
            {"clock": "12h"},
            "الثلاثاء 18 يونيو 2024، الساعة 9:30 ص",
        ),
        (
            datetime(2024, 6, 18, 0, 15),
            {"clock": "12h"},
            "الثلاثاء 18 يونيو 2024، الساعة 12:15 ص",
        ),
        (
            datetime(2024, 6, 18, 12, 0),
            {"clock": "12h"},
            "الثلاثاء 18 يونيو 2024، الساعة 12:00 م",
        ),
        (datetime(2024, 6, 18, 0, 0), {}, "الثلاثاء 18 يونيو 2024، الساعة 00:00"),
        (
            datetime(2024, 6, 18, 8, 7),
            {"calendar": "both", "weekday": False},
            "18 يونيو 2024، الموافق 12 ذو الحجة 1445 هـ، الساعة 08:07",
        ),
    ],
)
def test_format_date_with_time(value, kwargs, expected):
    """Midnight is 12 ص and noon 12 م; the 24-hour clock keeps leading zeros."""
    assert format_date(value, time=True, **kwargs) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2024, 2, 29), "الخميس 29 فبراير 2024، الموافق 19 شعبان 1445 هـ"),
        (date(2023, 12, 31), "الأحد 31 ديسمبر 2023، الموافق 18 جمادى الآخرة 1445 هـ"),
        (date(2024, 1, 1), "الاثنين 1 يناير 2024، الموافق 19 جمادى الآخرة 1445 هـ"),
        (date(2024, 7, 6), "السبت 6 يوليو 2024، الموافق 30 ذو الحجة 1445 هـ"),
        (date(2024, 7, 7), "الأحد 7 يوليو 2024، الموافق 1 محرم 1446 هـ"),
    ],
)
def test_format_date_leap_day_and_year_boundaries(value, expected):
    """Leap day and the turn of both years are where date arithmetic breaks."""
    assert format_date(value, calendar="both") == expected


@pytest.mark.parametrize("calendar", ["hijri", "both"])
@pytest.mark.parametrize("value", [date(1900, 1, 1), date(2100, 5, 3), date(1, 1, 1)])
def test_format_date_outside_hijri_range_falls_back(calendar, value):
    """An archive date hijridate cannot convert still prints, in Gregorian only."""
    assert format_date(value, calendar=calendar, weekday=False) == format_date(
        value, weekday=False
    )


def test_format_date_fallback_wording():
    """The fallback must be a clean Gregorian date with no dangling "الموافق"."""
    text = format_date(date(1900, 1, 1), calendar="both")
    assert text == "الاثنين 1 يناير 1900"


def test_format_date_converts_aware_datetime_to_tz():
    """23:45 UTC is already the next day in Kolkata (+05:30); the weekday, the
    day and the Hijri date must all move with it."""
    value = datetime(2024, 6, 17, 23, 45, tzinfo=UTC)
    assert format_date(value, tz=KOLKATA, time=True) == (
        "الثلاثاء 18 يونيو 2024، الساعة 05:15"
    )
    assert format_date(value, tz=KOLKATA, calendar="hijri") == (
        "الثلاثاء 12 ذو الحجة 1445 هـ"
    )
    assert format_date(value, time=True) == "الاثنين 17 يونيو 2024، الساعة 23:45"


def test_format_date_half_hour_zone_across_new_year():
    """18:45 UTC on 31 December is 00:15 on 1 January in Kolkata."""
    value = datetime(2023, 12, 31, 18, 45, tzinfo=UTC)
    assert format_date(value, tz=KOLKATA, time=True, months="levantine") == (
        "الاثنين 1 كانون الثاني 2024، الساعة 00:15"
    )


def test_format_date_aware_value_without_tz_keeps_its_own_offset():
    """Callers that already localised the value must not be shifted again."""
    value = datetime(2024, 6, 18, 14, 5, tzinfo=RIYADH)
    assert format_date(value, time=True) == "الثلاثاء 18 يونيو 2024، الساعة 14:05"


def test_format_date_naive_value_ignores_tz():
    """A naive datetime is documented as already local; converting it would
    guess a zone."""
    value = datetime(2024, 6, 18, 14, 5)
    assert format_date(value, tz=KOLKATA, time=True).endswith("14:05")


@pytest.mark.parametrize(
    "kwargs",
    [{"calendar": "julian"}, {"months": "iraqi"}, {"digits": "hindi"}, {"clock": "1"}],
)
def test_format_date_rejects_unknown_options(kwargs):
    """Options come from site settings; a bad one must fail at render in tests."""
    with pytest.raises(ValueError):
        format_date(JUNE_18, **kwargs)


@pytest.mark.parametrize("bad", ["2024-06-18", None, 20240618])
def test_format_date_rejects_non_dates(bad):
    """A string date reaching the formatter means the caller skipped parsing."""
    with pytest.raises(TypeError):
        format_date(bad)
