"""Month, weekday and Hijri names, and the Hijri conversion (nashra.text.dates)."""

from datetime import date, datetime

import pytest

from nashra.text.dates import (
    EGYPTIAN_MONTHS,
    LEVANTINE_MONTHS,
    hijri_month_name,
    month_name,
    to_hijri,
    weekday_name,
)

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
