"""Arabic plurals, "... ago" and relative dates (ago, format_relative)."""

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from nashra.text.dates import (
    ago,
    format_relative,
    plural_category,
)

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
