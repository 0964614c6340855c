"""The day's prayer times for a place, computed offline with adhanpy (#18).

adhanpy (MIT) does the astronomy. What it leaves to its caller, and what the
published tables do, is settled here:

- Rounding. adhanpy rounds each time to the nearest minute, but half a minute
  goes down (Python's round() rounds 0.5 to even) and a time in its 59th
  minute is cut to the minute instead (11:59:40 came out 11:59, not 12:00).
  Here every time is rounded half up, carrying into the hour: 04:35:30 is
  04:36, as the Umm al-Qura calendar prints for Riyadh (see the tests).
- Umm al-Qura: the ʿishāʾ is 90 minutes after sunset, and 120 in Ramadan.
  adhanpy knows only the 90.
- Egypt: the General Authority of Survey prints the sun's transit as the
  ẓuhr; adhanpy's Egyptian method adds a minute of precaution to it, which
  Egyptian tables do not.
- A method adhanpy lacks is not offered: Morocco's ministry, Turkey's
  Diyanet and Malaysia's JAKIM publish their own tables, which no
  combination of angles here reproduces to the minute.

A published table also depends on the reference point its authority takes
for a city, which it does not publish: a point some kilometres away moves a
time across a minute boundary. Sites should enter the coordinates their
readers' mosques follow.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from adhanpy.calculation.CalculationMethod import CalculationMethod
from adhanpy.calculation.CalculationParameters import CalculationParameters
from adhanpy.calculation.Madhab import Madhab
from adhanpy.calculation.PrayerAdjustments import PrayerAdjustments
from adhanpy.PrayerTimes import PrayerTimes

from nashra.text.dates import to_hijri

# The five prayers and sunrise, in the day's order.
PRAYERS = ("fajr", "sunrise", "dhuhr", "asr", "maghrib", "isha")

# Method keys stored in the site's settings → adhanpy's methods.
METHODS = {
    "umm_al_qura": CalculationMethod.UMM_AL_QURA,
    "egyptian": CalculationMethod.EGYPTIAN,
    "muslim_world_league": CalculationMethod.MUSLIM_WORLD_LEAGUE,
    "karachi": CalculationMethod.KARACHI,
    "dubai": CalculationMethod.DUBAI,
    "qatar": CalculationMethod.QATAR,
    "kuwait": CalculationMethod.KUWAIT,
    "singapore": CalculationMethod.SINGAPORE,
    "north_america": CalculationMethod.NORTH_AMERICA,
    "moonsighting": CalculationMethod.MOON_SIGHTING_COMMITTEE,
    "uoif": CalculationMethod.UOIF,
}
ASR_SCHOOLS = {"shafi": Madhab.SHAFI, "hanafi": Madhab.HANAFI}
RAMADAN = 9
RAMADAN_ISHA_MINUTES = 120


class PrayerTimesError(ValueError):
    """The place or the method cannot give times (a polar day, a bad zone)."""


@dataclass(frozen=True)
class Place:
    """Where, and by which authority's method, the times are computed."""

    latitude: float
    longitude: float
    time_zone: str
    method: str = "muslim_world_league"
    asr: str = "shafi"


class _Unrounded(PrayerTimes):
    """adhanpy's PrayerTimes, with the rounding left to day_times()."""

    def _rounded_minute(self, adjustments, method_adjustments, prayer_name, when):
        minutes = getattr(adjustments, prayer_name)
        minutes += getattr(method_adjustments, prayer_name)
        return when + timedelta(minutes=minutes)


def _parameters(place: Place) -> CalculationParameters:
    try:
        method = METHODS[place.method]
        madhab = ASR_SCHOOLS[place.asr]
    except KeyError as error:
        raise PrayerTimesError(f"unknown method or school: {error}") from None
    parameters = CalculationParameters(method=method)
    parameters.madhab = madhab
    if place.method == "egyptian":
        parameters.method_adjustments = PrayerAdjustments()
    return parameters


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ValueError, KeyError, OSError) as error:
        raise PrayerTimesError(f"unknown time zone: {name!r}") from error


def _half_up(when: datetime) -> datetime:
    return (when + timedelta(seconds=30)).replace(second=0, microsecond=0)


def day_times(place: Place, day: date) -> dict[str, datetime]:
    """The six times of ``day`` at ``place``, in its time zone, to the minute.

    >>> riyadh = Place(24.7136, 46.6753, "Asia/Riyadh", "umm_al_qura")
    >>> day_times(riyadh, date(2023, 3, 24))["isha"].strftime("%H:%M")  # رمضان
    '20:06'
    """
    zone = _zone(place.time_zone)
    if not (-90 <= place.latitude <= 90 and -180 <= place.longitude <= 180):
        raise PrayerTimesError("latitude or longitude out of range")
    try:
        computed = _Unrounded(
            (place.latitude, place.longitude),
            datetime(day.year, day.month, day.day),
            calculation_parameters=_parameters(place),
            time_zone=zone,
        )
    except (RuntimeError, ValueError, TypeError, OverflowError) as error:
        # adhanpy raises a bare RuntimeError when the sun does not rise or
        # set, or twilight never ends (high latitudes in summer).
        raise PrayerTimesError("the sun gives no prayer times here") from error
    times = {name: getattr(computed, name) for name in PRAYERS}
    hijri = to_hijri(day)
    if place.method == "umm_al_qura" and hijri and hijri[1] == RAMADAN:
        times["isha"] = times["maghrib"] + timedelta(minutes=RAMADAN_ISHA_MINUTES)
    return {name: _half_up(when) for name, when in times.items()}
