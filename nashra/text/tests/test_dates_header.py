"""Today's date in the page header: Gregorian and Umm al-Qura (#18)."""

from datetime import date, datetime

import pytest
from hijridate import Gregorian

from nashra.text.dates import HIJRI_MONTHS, header_dates


def hijridate_says(value):
    hijri = Gregorian(value.year, value.month, value.day).to_hijri()
    return f"{hijri.day} {HIJRI_MONTHS[hijri.month - 1]} {hijri.year} هـ"


# Dates printed on the official Umm al-Qura calendar (ummulqura.org.sa, the
# King Abdulaziz City for Science and Technology's calendar of Saudi Arabia)
# and announced with it: 1 Ramadan 1446 fell on Saturday 1 March 2025,
# 1 Ramadan 1447 on Wednesday 18 February 2026, and 1 Muharram 1446 (the Hijri
# new year) on Sunday 7 July 2024.
PUBLISHED = [
    (date(2025, 3, 1), "السبت 1 مارس 2025", "1 رمضان 1446 هـ"),
    (date(2025, 2, 28), "الجمعة 28 فبراير 2025", "29 شعبان 1446 هـ"),
    (date(2026, 2, 18), "الأربعاء 18 فبراير 2026", "1 رمضان 1447 هـ"),
    (date(2024, 7, 7), "الأحد 7 يوليو 2024", "1 محرم 1446 هـ"),
    (date(2024, 7, 6), "السبت 6 يوليو 2024", "30 ذو الحجة 1445 هـ"),
]


@pytest.mark.parametrize(("day", "gregorian", "hijri"), PUBLISHED)
def test_published_umm_al_qura_dates(day, gregorian, hijri):
    """The header must agree with the calendar Saudi readers hang on the wall."""
    assert header_dates(day) == (gregorian, hijri)
    assert hijri == hijridate_says(day)


def test_a_gregorian_month_boundary_changes_both_dates():
    """31 January to 1 February 2026: month names change, the Hijri day runs on."""
    before, after = header_dates(date(2026, 1, 31)), header_dates(date(2026, 2, 1))
    assert before == ("السبت 31 يناير 2026", "12 شعبان 1447 هـ")
    assert after == ("الأحد 1 فبراير 2026", "13 شعبان 1447 هـ")
    assert before[1] == hijridate_says(date(2026, 1, 31))
    assert after[1] == hijridate_says(date(2026, 2, 1))


@pytest.mark.parametrize(
    ("months", "digits", "expected"),
    [("egyptian", "western", "الأربعاء 18 فبراير 2026"),
     ("levantine", "western", "الأربعاء 18 شباط 2026"),
     ("both", "western", "الأربعاء 18 فبراير/شباط 2026"),
     ("egyptian", "arabic", "الأربعاء ١٨ فبراير ٢٠٢٦")],
)  # fmt: skip
def test_month_style_and_digits_follow_the_site(months, digits, expected):
    gregorian, hijri = header_dates(date(2026, 2, 18), months=months, digits=digits)
    assert gregorian == expected
    assert hijri == ("١ رمضان ١٤٤٧ هـ" if digits == "arabic" else "1 رمضان 1447 هـ")


def test_a_datetime_counts_by_its_own_day():
    assert header_dates(datetime(2025, 3, 1, 0, 1)) == header_dates(date(2025, 3, 1))


def test_outside_the_umm_al_qura_range_the_gregorian_date_stands_alone():
    assert header_dates(date(1920, 5, 3)) == ("الاثنين 3 مايو 1920", None)


def test_an_unknown_style_is_refused_clearly():
    with pytest.raises(ValueError, match="months must be one of"):
        header_dates(date(2025, 3, 1), months="syriac")
