from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from nashra.text.dates import (
    EGYPTIAN_MONTHS,
    LEVANTINE_MONTHS,
    ago,
    format_date,
    format_relative,
    hijri_month_name,
    month_name,
    plural_category,
    to_hijri,
    weekday_name,
)

# A half-hour offset catches code that assumes whole-hour zones.
KOLKATA = ZoneInfo("Asia/Kolkata")
RIYADH = ZoneInfo("Asia/Riyadh")

# ---------------------------------------------------------------- month names


@pytest.mark.parametrize(
    ("month", "egyptian", "levantine"),
    [
        (1, "يناير", "كانون الثاني"),
        (2, "فبراير", "شباط"),
        (3, "مارس", "آذار"),
        (4, "أبريل", "نيسان"),
        (5, "مايو", "أيار"),
        (6, "يونيو", "حزيران"),
        (7, "يوليو", "تموز"),
        (8, "أغسطس", "آب"),
        (9, "سبتمبر", "أيلول"),
        (10, "أكتوبر", "تشرين الأول"),
        (11, "نوفمبر", "تشرين الثاني"),
        (12, "ديسمبر", "كانون الأول"),
    ],
)
def test_month_name_every_month_every_style(month, egyptian, levantine):
    """A Levantine reader must not see "شباط" where "آذار" belongs, or the reverse."""
    assert month_name(month, "egyptian") == egyptian
    assert month_name(month, "levantine") == levantine
    assert month_name(month, "both") == f"{egyptian}/{levantine}"
    assert month_name(month) == egyptian


def test_month_tables_are_complete_and_distinct():
    """A copy-paste slip in a table would print the same month twice a year."""
    assert len(set(EGYPTIAN_MONTHS)) == 12
    assert len(set(LEVANTINE_MONTHS)) == 12


@pytest.mark.parametrize("month", [0, 13, -1])
def test_month_name_rejects_out_of_range(month):
    """Month 0 must not silently wrap to December through a negative index."""
    with pytest.raises(ValueError, match="1-12"):
        month_name(month)


def test_month_name_rejects_unknown_style():
    """A misspelt theme option must fail, not print the wrong calendar."""
    with pytest.raises(ValueError, match="style"):
        month_name(1, "iraqi")


@pytest.mark.parametrize(
    ("month", "name"),
    [(1, "محرم"), (3, "ربيع الأول"), (9, "رمضان"), (10, "شوال"), (12, "ذو الحجة")],
)
def test_hijri_month_name(month, name):
    """Hijri month names as printed beside the Hijri year."""
    assert hijri_month_name(month) == name


def test_hijri_month_name_rejects_out_of_range():
    """Month 13 does not exist in the Hijri year either."""
    with pytest.raises(ValueError):
        hijri_month_name(13)


# ---------------------------------------------------------------- weekdays


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2024, 6, 17), "الاثنين"),
        (date(2024, 6, 18), "الثلاثاء"),
        (date(2024, 6, 19), "الأربعاء"),
        (date(2024, 6, 20), "الخميس"),
        (date(2024, 6, 21), "الجمعة"),
        (date(2024, 6, 22), "السبت"),
        (date(2024, 6, 23), "الأحد"),
    ],
)
def test_weekday_name_all_seven(day, name):
    """date.weekday() counts from Monday; an off-by-one would shift Friday."""
    assert weekday_name(day) == name
    assert weekday_name(datetime.combine(day, datetime.min.time())) == name


# ---------------------------------------------------------------- Hijri


@pytest.mark.parametrize(
    ("gregorian", "hijri"),
    [
        # Start of Ramadan 1445, announced for Monday 11 March 2024.
        (date(2024, 3, 11), (1445, 9, 1)),
        # Eid al-Fitr 1445: 1 Shawwal fell on Wednesday 10 April 2024.
        (date(2024, 4, 10), (1445, 10, 1)),
        # Day of Eid al-Adha 1445 (10 Dhu al-Hijjah): Sunday 16 June 2024.
        (date(2024, 6, 16), (1445, 12, 10)),
        # Islamic new year 1446 (1 Muharram): Sunday 7 July 2024.
        (date(2024, 7, 7), (1446, 1, 1)),
        # Start of Ramadan 1446: Saturday 1 March 2025.
        (date(2025, 3, 1), (1446, 9, 1)),
        # First and last days hijridate's Umm al-Qura table covers.
        (date(1924, 8, 1), (1343, 1, 1)),
        (date(2077, 11, 16), (1500, 12, 30)),
    ],
)
def test_to_hijri_known_dates(gregorian, hijri):
    """Checked against hijridate (Umm al-Qura) and the dates announced in Saudi
    Arabia for these feasts; a wrong Hijri date in a byline is a visible error."""
    assert to_hijri(gregorian) == hijri


@pytest.mark.parametrize(
    "outside",
    [date(1924, 7, 31), date(1900, 1, 1), date(2077, 11, 17), date(9999, 1, 1)],
)
def test_to_hijri_outside_range_is_none(outside):
    """Archive articles from before 1924 must not crash the page."""
    assert to_hijri(outside) is None


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


# ---------------------------------------------------------------- plurals


@pytest.mark.parametrize(
    ("n", "category"),
    [
        (0, "zero"),
        (1, "one"),
        (2, "two"),
        (3, "few"),
        (10, "few"),
        (11, "many"),
        (99, "many"),
        (100, "other"),
        (101, "other"),
        (102, "other"),
        (103, "few"),
        (111, "many"),
        (200, "other"),
        (1010, "few"),
    ],
)
def test_plural_category(n, category):
    """CLDR's Arabic rules look at n % 100, so 103 counts like 3."""
    assert plural_category(n) == category


def test_plural_category_rejects_negative():
    """A negative count means the clock went backwards; never print it."""
    with pytest.raises(ValueError):
        plural_category(-1)


@pytest.mark.parametrize(
    ("n", "unit", "expected"),
    [
        (1, "minute", "منذ دقيقة"),
        (2, "minute", "منذ دقيقتين"),
        (3, "minute", "منذ 3 دقائق"),
        (10, "minute", "منذ 10 دقائق"),
        (11, "minute", "منذ 11 دقيقة"),
        (59, "minute", "منذ 59 دقيقة"),
        (99, "minute", "منذ 99 دقيقة"),
        (100, "minute", "منذ 100 دقيقة"),
        (1, "hour", "منذ ساعة"),
        (2, "hour", "منذ ساعتين"),
        (5, "hour", "منذ 5 ساعات"),
        (23, "hour", "منذ 23 ساعة"),
        (1, "day", "منذ يوم"),
        (2, "day", "منذ يومين"),
        (6, "day", "منذ 6 أيام"),
        (15, "day", "منذ 15 يومًا"),
        (100, "day", "منذ 100 يوم"),
        (105, "day", "منذ 105 أيام"),
    ],
)
def test_ago_agrees_with_the_number(n, unit, expected):
    """Wrong agreement ("منذ 5 دقيقة", "منذ 2 ساعات") reads as machine-written."""
    assert ago(n, unit) == expected


def test_ago_arabic_digits():
    """The number inside the phrase follows the site's digit style."""
    assert ago(15, "day", digits="arabic") == "منذ ١٥ يومًا"
    assert ago(2, "day", digits="arabic") == "منذ يومين"


@pytest.mark.parametrize(
    ("n", "unit"),
    [(0, "minute"), (-3, "hour"), (1.5, "day"), (True, "day"), (3, "week")],
)
def test_ago_rejects_bad_input(n, unit):
    """ "منذ 0 دقيقة" and fractional counts are caller bugs."""
    with pytest.raises(ValueError):
        ago(n, unit)


# ---------------------------------------------------------------- format_relative

NOW = datetime(2024, 6, 18, 10, 0)


@pytest.mark.parametrize(
    ("delta", "expected"),
    [
        (timedelta(seconds=0), "الآن"),
        (timedelta(seconds=59), "الآن"),
        (timedelta(seconds=-30), "الآن"),
        (timedelta(minutes=1), "منذ دقيقة"),
        (timedelta(minutes=2, seconds=59), "منذ دقيقتين"),
        (timedelta(minutes=5), "منذ 5 دقائق"),
        (timedelta(minutes=10), "منذ 10 دقائق"),
        (timedelta(minutes=11), "منذ 11 دقيقة"),
        (timedelta(minutes=59), "منذ 59 دقيقة"),
        (timedelta(hours=1), "منذ ساعة"),
        (timedelta(hours=2), "منذ ساعتين"),
        (timedelta(hours=3), "منذ 3 ساعات"),
        (timedelta(hours=10), "منذ 10 ساعات"),
        # 23:00 yesterday is "yesterday" on the calendar but only 11 hours ago.
        (timedelta(hours=11), "منذ 11 ساعة"),
        (timedelta(hours=23, minutes=59), "منذ 23 ساعة"),
        (timedelta(hours=24), "أمس"),
        (timedelta(hours=33), "أمس"),
        (timedelta(hours=35), "منذ يومين"),
        (timedelta(days=3), "منذ 3 أيام"),
        (timedelta(days=7), "منذ 7 أيام"),
        (timedelta(days=8), "الاثنين 10 يونيو 2024"),
    ],
)
def test_format_relative(delta, expected):
    """Relative times for the home page and section lists."""
    assert format_relative(NOW - delta, NOW) == expected


def test_format_relative_many_days_when_allowed():
    """With a longer window, 11-99 days take the singular accusative."""
    assert format_relative(NOW - timedelta(days=12), NOW, max_days=365) == (
        "منذ 12 يومًا"
    )
    assert format_relative(NOW - timedelta(days=100), NOW, max_days=365) == (
        "منذ 100 يوم"
    )


def test_format_relative_arabic_digits():
    """Digits inside relative phrases follow the site setting too."""
    value = NOW - timedelta(minutes=25)
    assert format_relative(value, NOW, digits="arabic") == "منذ ٢٥ دقيقة"


def test_format_relative_future_shows_date():
    """A scheduled item seen early must not claim it was published "now"."""
    value = NOW + timedelta(hours=3)
    assert format_relative(value, NOW) == "الثلاثاء 18 يونيو 2024، الساعة 13:00"


def test_format_relative_yesterday_uses_now_zone():
    """22:00 UTC on the 17th is 01:30 on the 18th in Tehran-like +03:30 zones:
    the same day there, not yesterday."""
    zone = timezone(timedelta(hours=3, minutes=30))
    value = datetime(2024, 6, 17, 22, 0, tzinfo=UTC)
    now = datetime(2024, 6, 18, 23, 0, tzinfo=zone)
    assert format_relative(value, now) == "منذ 21 ساعة"
    now_utc = now.astimezone(UTC)
    assert format_relative(value, now_utc) == "منذ 21 ساعة"
    day_later = datetime(2024, 6, 19, 2, 0, tzinfo=zone)
    assert format_relative(value, day_later) == "أمس"


def test_format_relative_rejects_mixed_naive_and_aware():
    """Mixing a naive and an aware time would silently be off by the UTC offset."""
    with pytest.raises(ValueError, match="naive"):
        format_relative(NOW, NOW.replace(tzinfo=UTC))


def test_format_relative_rejects_plain_dates():
    """A date has no time of day, so "منذ 5 دقائق" would be invented."""
    with pytest.raises(TypeError):
        format_relative(date(2024, 6, 18), NOW)
