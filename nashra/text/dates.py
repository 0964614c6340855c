"""Arabic dates for bylines: Gregorian and Hijri, month-name styles, relative times.

Time zones: pass ``tz`` to ``format_date`` and aware datetimes are converted
to it before anything is printed, so the day, the weekday and the Hijri date
all belong to the reader's zone. Naive datetimes and plain dates are taken as
already local and printed as they are. ``format_relative`` works in the zone of
its ``now`` argument.
"""

from datetime import date, datetime, tzinfo

from hijridate import Gregorian

from nashra.text.digits import DIGIT_STYLES, DIGITS_WESTERN, to_arabic_indic

CALENDAR_GREGORIAN = "gregorian"
CALENDAR_HIJRI = "hijri"
CALENDAR_BOTH = "both"
CALENDARS = (CALENDAR_GREGORIAN, CALENDAR_HIJRI, CALENDAR_BOTH)

# Egypt and the Gulf write the Latin month names; the Levant and Iraq use the
# Syriac ones. Pan-Arab outlets print both, joined by a slash.
MONTHS_EGYPTIAN = "egyptian"
MONTHS_LEVANTINE = "levantine"
MONTHS_BOTH = "both"
MONTH_STYLES = (MONTHS_EGYPTIAN, MONTHS_LEVANTINE, MONTHS_BOTH)

# 24-hour is the default: it reads the same in every Arab country and avoids
# the midnight/noon ambiguity of "12 ص"/"12 م". Egyptian outlets commonly
# print 12-hour times with ص/م, hence the option.
CLOCK_24H = "24h"
CLOCK_12H = "12h"
CLOCKS = (CLOCK_24H, CLOCK_12H)

EGYPTIAN_MONTHS = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
)
LEVANTINE_MONTHS = (
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
)
# Spelt as on the Umm al-Qura calendar; kept here rather than taken from
# hijridate so that a library upgrade cannot change a printed byline.
HIJRI_MONTHS = (
    "محرم",
    "صفر",
    "ربيع الأول",
    "ربيع الآخر",
    "جمادى الأولى",
    "جمادى الآخرة",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "ذو القعدة",
    "ذو الحجة",
)
# Indexed by date.weekday(): Monday is 0.
WEEKDAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")

HIJRI_SUFFIX = "هـ"
BOTH_CALENDARS_JOINER = "، الموافق "
TIME_JOINER = "، "


def _check_choice(name: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise ValueError(f"{name} must be one of {choices}, got {value!r}")


def month_name(month: int, style: str = MONTHS_EGYPTIAN) -> str:
    """Name of Gregorian month 1-12 in the given style.

    >>> month_name(9, "both")
    'سبتمبر/أيلول'
    """
    _check_choice("style", style, MONTH_STYLES)
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1-12, got {month!r}")
    if style == MONTHS_EGYPTIAN:
        return EGYPTIAN_MONTHS[month - 1]
    if style == MONTHS_LEVANTINE:
        return LEVANTINE_MONTHS[month - 1]
    return f"{EGYPTIAN_MONTHS[month - 1]}/{LEVANTINE_MONTHS[month - 1]}"


def hijri_month_name(month: int) -> str:
    """Name of Hijri month 1-12.

    >>> hijri_month_name(9)
    'رمضان'
    """
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1-12, got {month!r}")
    return HIJRI_MONTHS[month - 1]


def weekday_name(value: date) -> str:
    """Arabic name of the day of the week of ``value``.

    >>> weekday_name(date(2024, 6, 21))
    'الجمعة'
    """
    return WEEKDAYS[value.weekday()]


def to_hijri(value: date) -> tuple[int, int, int] | None:
    """(year, month, day) on the Umm al-Qura calendar, or None outside its range.

    The civil Umm al-Qura date changes at midnight like the Gregorian one, not
    at sunset as the religious day does; that is what newspapers print.

    >>> to_hijri(date(2024, 3, 11))  # 1 رمضان 1445 هـ
    (1445, 9, 1)
    """
    try:
        hijri = Gregorian(value.year, value.month, value.day).to_hijri()
    except (OverflowError, ValueError):
        # hijridate covers 1924-08-01 to 2077-11-16 and raises OverflowError
        # outside it; an archive article from 1920 must still get a date.
        return None
    return hijri.year, hijri.month, hijri.day


def _gregorian_text(value: date, months: str) -> str:
    return f"{value.day} {month_name(value.month, months)} {value.year}"


def _hijri_text(value: date) -> str | None:
    hijri = to_hijri(value)
    if hijri is None:
        return None
    year, month, day = hijri
    return f"{day} {hijri_month_name(month)} {year} {HIJRI_SUFFIX}"


def _time_text(value: datetime, clock: str) -> str:
    if clock == CLOCK_24H:
        return f"الساعة {value:%H:%M}"
    hour = value.hour % 12 or 12
    period = "ص" if value.hour < 12 else "م"
    return f"الساعة {hour}:{value:%M} {period}"


def format_date(
    value: date | datetime,
    *,
    calendar: str = CALENDAR_GREGORIAN,
    months: str = MONTHS_EGYPTIAN,
    digits: str = DIGITS_WESTERN,
    weekday: bool = True,
    time: bool = False,
    clock: str = CLOCK_24H,
    tz: tzinfo | None = None,
) -> str:
    """Arabic date line for an article or page.

    Dates outside the Hijri range fall back to Gregorian alone. ``time`` is
    ignored for a plain ``date``, which has none.

    >>> format_date(date(2024, 6, 18))
    'الثلاثاء 18 يونيو 2024'
    >>> format_date(date(2024, 6, 18), calendar="both", months="both", weekday=False)
    '18 يونيو/حزيران 2024، الموافق 12 ذو الحجة 1445 هـ'
    >>> format_date(datetime(2024, 6, 18, 14, 5), time=True, digits="arabic")
    'الثلاثاء ١٨ يونيو ٢٠٢٤، الساعة ١٤:٠٥'
    """
    _check_choice("calendar", calendar, CALENDARS)
    _check_choice("months", months, MONTH_STYLES)
    _check_choice("digits", digits, DIGIT_STYLES)
    _check_choice("clock", clock, CLOCKS)
    if not isinstance(value, date):
        raise TypeError(f"format_date expects a date, got {type(value).__name__}")
    if tz is not None and isinstance(value, datetime) and value.tzinfo is not None:
        value = value.astimezone(tz)

    gregorian = _gregorian_text(value, months)
    hijri = _hijri_text(value) if calendar != CALENDAR_GREGORIAN else None
    if hijri is None:
        text = gregorian
    elif calendar == CALENDAR_HIJRI:
        text = hijri
    else:
        text = gregorian + BOTH_CALENDARS_JOINER + hijri
    if weekday:
        text = f"{weekday_name(value)} {text}"
    if time and isinstance(value, datetime):
        text += TIME_JOINER + _time_text(value, clock)
    return to_arabic_indic(text) if digits != DIGITS_WESTERN else text


def header_dates(
    value: date, *, months: str = MONTHS_EGYPTIAN, digits: str = DIGITS_WESTERN
) -> tuple[str, str | None]:
    """Today for a page header, as Arabic news sites print it: the Gregorian
    date with its weekday, and the Umm al-Qura date (None outside its range).

    >>> header_dates(date(2025, 3, 1))
    ('السبت 1 مارس 2025', '1 رمضان 1446 هـ')
    >>> header_dates(date(2025, 3, 1), months="levantine", digits="arabic")
    ('السبت ١ آذار ٢٠٢٥', '١ رمضان ١٤٤٦ هـ')
    """
    _check_choice("months", months, MONTH_STYLES)
    _check_choice("digits", digits, DIGIT_STYLES)
    if isinstance(value, datetime):
        value = value.date()
    gregorian = f"{weekday_name(value)} {_gregorian_text(value, months)}"
    hijri = _hijri_text(value)
    if digits != DIGITS_WESTERN:
        gregorian = to_arabic_indic(gregorian)
        hijri = to_arabic_indic(hijri) if hijri else hijri
    return gregorian, hijri


# Arabic counted nouns change form with the number (CLDR plural rules for
# "ar"): 1 and 2 have their own words, n % 100 in 3-10 takes the plural,
# n % 100 in 11-99 the singular accusative, and 0, 100, 101, 102 ... the
# singular genitive.
PLURAL_ZERO = "zero"
PLURAL_ONE = "one"
PLURAL_TWO = "two"
PLURAL_FEW = "few"
PLURAL_MANY = "many"
PLURAL_OTHER = "other"

UNIT_MINUTE = "minute"
UNIT_HOUR = "hour"
UNIT_DAY = "day"
# After منذ the dual is genitive (دقيقتين), and the accusative of a
# masculine noun carries tanween (يومًا); the feminine ones look unchanged.
UNIT_FORMS = {
    UNIT_MINUTE: {
        PLURAL_ONE: "دقيقة",
        PLURAL_TWO: "دقيقتين",
        PLURAL_FEW: "دقائق",
        PLURAL_MANY: "دقيقة",
        PLURAL_OTHER: "دقيقة",
    },
    UNIT_HOUR: {
        PLURAL_ONE: "ساعة",
        PLURAL_TWO: "ساعتين",
        PLURAL_FEW: "ساعات",
        PLURAL_MANY: "ساعة",
        PLURAL_OTHER: "ساعة",
    },
    UNIT_DAY: {
        PLURAL_ONE: "يوم",
        PLURAL_TWO: "يومين",
        PLURAL_FEW: "أيام",
        PLURAL_MANY: "يومًا",
        PLURAL_OTHER: "يوم",
    },
}

JUST_NOW = "الآن"
YESTERDAY = "أمس"
# Beyond a week a reader wants the date itself, not "منذ 23 يومًا".
RELATIVE_MAX_DAYS = 7


def plural_category(n: int) -> str:
    """CLDR plural category of a whole number for Arabic.

    >>> plural_category(11)  # منذ 11 دقيقة
    'many'
    """
    if n < 0:
        raise ValueError(f"count must not be negative, got {n!r}")
    if n == 0:
        return PLURAL_ZERO
    if n == 1:
        return PLURAL_ONE
    if n == 2:
        return PLURAL_TWO
    if 3 <= n % 100 <= 10:
        return PLURAL_FEW
    if 11 <= n % 100 <= 99:
        return PLURAL_MANY
    return PLURAL_OTHER


def ago(n: int, unit: str, *, digits: str = DIGITS_WESTERN) -> str:
    """Say "n units ago", with the noun in the form the number requires.

    >>> ago(2, "hour")
    'منذ ساعتين'
    >>> ago(5, "minute", digits="arabic")
    'منذ ٥ دقائق'
    """
    _check_choice("unit", unit, tuple(UNIT_FORMS))
    _check_choice("digits", digits, DIGIT_STYLES)
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValueError(f"count must be a whole number >= 1, got {n!r}")
    category = plural_category(n)
    noun = UNIT_FORMS[unit][category]
    # One and two are said by the noun alone: "منذ دقيقة", never "منذ 1 دقيقة".
    if category in (PLURAL_ONE, PLURAL_TWO):
        return f"منذ {noun}"
    text = f"منذ {n} {noun}"
    return to_arabic_indic(text) if digits != DIGITS_WESTERN else text


def format_relative(
    value: datetime,
    now: datetime,
    *,
    digits: str = DIGITS_WESTERN,
    max_days: int = RELATIVE_MAX_DAYS,
) -> str:
    """How long ago ``value`` was, for recent items; older ones get their date.

    Both datetimes must be naive or both aware; "yesterday" is judged by the
    calendar day in ``now``'s zone. A time in the future (a clock that runs
    ahead) reads "now" when within a minute, and as a full date beyond.

    >>> format_relative(datetime(2024, 6, 18, 9, 55), datetime(2024, 6, 18, 10, 0))
    'منذ 5 دقائق'
    >>> format_relative(datetime(2024, 6, 17, 9, 0), datetime(2024, 6, 18, 10, 0))
    'أمس'
    """
    _check_choice("digits", digits, DIGIT_STYLES)
    if not (isinstance(value, datetime) and isinstance(now, datetime)):
        raise TypeError("format_relative expects two datetimes")
    if (value.tzinfo is None) != (now.tzinfo is None):
        raise ValueError("value and now must both be naive or both be aware")
    if value.tzinfo is not None:
        value = value.astimezone(now.tzinfo)

    seconds = (now - value).total_seconds()
    if seconds < -60:
        return format_date(value, digits=digits, time=True)
    if seconds < 60:
        return JUST_NOW
    if seconds < 3600:
        return ago(int(seconds // 60), UNIT_MINUTE, digits=digits)
    days = (now.date() - value.date()).days
    if seconds < 86400 or days < 1:
        return ago(int(seconds // 3600), UNIT_HOUR, digits=digits)
    if days == 1:
        return YESTERDAY
    if days <= max_days:
        return ago(days, UNIT_DAY, digits=digits)
    return format_date(value, digits=digits)
