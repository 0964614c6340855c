"""Prayer times as readers see them: Arabic names, 12-hour clock, the site's
digits (#18)."""

from django.utils.translation import gettext_lazy as _

from nashra.core.display import site_number
from nashra.text.prayer import PRAYERS

NAMES = {
    "fajr": _("Fajr"),
    "sunrise": _("Sunrise"),
    "dhuhr": _("Dhuhr"),
    "asr": _("Asr"),
    "maghrib": _("Maghrib"),
    "isha": _("Isha"),
}


def clock(request, when) -> str:
    """4:37 م, in the site's digits."""
    hour = when.hour % 12 or 12
    period = _("a.m.") if when.hour < 12 else _("p.m.")
    return site_number(request, f"{hour}:{when:%M}") + f" {period}"


def rows(request, city_day) -> list[tuple[str, str, str]]:
    """(prayer key, name, time) in the day's order."""
    return [
        (name, NAMES[name], clock(request, city_day.times[name])) for name in PRAYERS
    ]
