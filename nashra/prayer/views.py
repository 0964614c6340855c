"""The reader page with the day's prayer times of every city the site chose."""

from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from nashra.core.display import display_options
from nashra.prayer import display, timetable
from nashra.prayer.models import METHODS
from nashra.text import dates

METHOD_NAMES = dict(METHODS)


@require_GET
def prayer_times(request):
    _, days = timetable.for_request(request)
    cities = [
        {
            "city": day.city,
            "method": METHOD_NAMES.get(day.city.method, day.city.method),
            "date": _day(request, day.day),
            "rows": display.rows(request, day),
        }
        for day in days
    ]
    return render(request, "prayer/prayer_times.html", {"cities": cities})


def _day(request, day):
    """The city's today, Gregorian and Hijri, as the header writes the site's."""
    if not get_language().startswith("ar"):
        return date_format(day, "l j F Y"), None
    options = display_options(request)
    return dates.header_dates(day, months=options.months, digits=options.digits)
