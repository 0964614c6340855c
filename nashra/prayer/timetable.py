"""Today's prayer times for a site's cities, from the cache (#18).

Two entries, both under the site's cache group, so saving the settings
drops them: the cities as plain values (the only database read), and each
city's times for one local day, keyed on that day in the city's own time
zone, so they change at the city's midnight whatever the server's zone.
A warm page reads both from the cache and costs no query.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from wagtail.models import Site

from nashra.core import fragments, groups
from nashra.prayer.models import PrayerTimesSettings
from nashra.text.prayer import Place, PrayerTimesError, day_times


@dataclass(frozen=True)
class City:
    """A city as the cache keeps it."""

    pk: int
    name: str
    place: Place
    method: str


@dataclass(frozen=True)
class CityDay:
    """One city's six times for its own today."""

    city: City
    day: object  # date
    times: dict  # prayer name → aware datetime


@dataclass(frozen=True)
class Configured:
    show_widget: bool = False
    cities: tuple[City, ...] = ()


def configured(site: Site | None) -> Configured:
    """The site's prayer-time settings, cached until they are saved."""
    if site is None:
        return Configured()

    def build():
        settings = PrayerTimesSettings.for_site(site)
        cities = tuple(
            City(city.pk, city.name, city.place(), city.method)
            for city in settings.cities.all()
        )
        return Configured(settings.show_widget, cities)

    return fragments.cached(f"prayer:cities:{site.pk}", [groups.SITE], build)


def _now() -> datetime:
    return datetime.now(UTC)


def today(city: City, now: datetime | None = None) -> CityDay | None:
    """``city``'s times for the current day where it is; None if they cannot
    be computed (settings saved before a city was checked)."""
    try:
        zone = ZoneInfo(city.place.time_zone)
    except (ValueError, KeyError, OSError):
        return None
    local_day = (now or _now()).astimezone(zone).date()

    def build():
        try:
            return day_times(city.place, local_day)
        except PrayerTimesError:
            return {}

    name = f"prayer:day:{city.pk}:{local_day.isoformat()}:{city.place}"
    times = fragments.cached(name, [groups.SITE], build)
    return CityDay(city, local_day, times) if times else None


def for_site(site: Site | None) -> tuple[Configured, list[CityDay]]:
    settings = configured(site)
    now = _now()
    days = [today(city, now) for city in settings.cities]
    return settings, [day for day in days if day is not None]


def for_request(request) -> tuple[Configured, list[CityDay]]:
    return for_site(Site.find_for_request(request))
