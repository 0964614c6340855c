"""The cities whose prayer times a site shows, with each one's method (#18)."""

from datetime import date
from functools import cache
from zoneinfo import available_timezones

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

from nashra.text.prayer import Place, PrayerTimesError, day_times

# Each country's usual authority; adhanpy has no method for Morocco, Turkey
# or Malaysia (nashra.text.prayer says why none is faked).
METHODS = [
    ("umm_al_qura", _("Umm al-Qura, Makkah (Saudi Arabia)")),
    ("egyptian", _("Egyptian General Authority of Survey")),
    ("muslim_world_league", _("Muslim World League")),
    ("karachi", _("University of Islamic Sciences, Karachi")),
    ("dubai", _("Dubai (United Arab Emirates)")),
    ("qatar", _("Qatar")),
    ("kuwait", _("Kuwait")),
    ("singapore", _("Singapore")),
    ("north_america", _("Islamic Society of North America")),
    ("moonsighting", _("Moonsighting Committee")),
    ("uoif", _("Union of Islamic Organisations of France")),
]
ASR_SCHOOLS = [
    ("shafi", _("Shafi'i, Maliki, Hanbali (shadow once its length)")),
    ("hanafi", _("Hanafi (shadow twice its length)")),
]
# A place must give all six times on the longest and the shortest day.
SOLSTICES = ((6, 21), (12, 21))


@register_setting(icon="time")
class PrayerTimesSettings(ClusterableModel, BaseSiteSetting):
    """Which cities' prayer times the site shows, on its page and in its footer."""

    show_widget = models.BooleanField(
        _("show in the footer"),
        default=True,
        help_text=_("The first city's times at the foot of every page."),
    )

    panels = [
        FieldPanel("show_widget"),
        InlinePanel("cities", heading=_("Cities"), label=_("city")),
    ]

    class Meta:
        verbose_name = _("prayer times")


class PrayerCity(Orderable):
    """One city: where it is, its time zone, and the method its mosques follow."""

    settings = ParentalKey(
        PrayerTimesSettings, on_delete=models.CASCADE, related_name="cities"
    )
    name = models.CharField(_("city"), max_length=80)
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=5,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Degrees north; south is negative (Makkah: 21.42250)."),
    )  # fmt: skip
    longitude = models.DecimalField(
        _("longitude"), max_digits=8, decimal_places=5,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Degrees east; west is negative (Makkah: 39.82620)."),
    )  # fmt: skip
    time_zone = models.CharField(
        _("time zone"), max_length=64,
        help_text=_("As in the tz database, e.g. Asia/Riyadh or Africa/Cairo."),
    )  # fmt: skip
    method = models.CharField(
        _("calculation method"), max_length=32, choices=METHODS, default="umm_al_qura"
    )
    asr = models.CharField(
        _("Asr"), max_length=10, choices=ASR_SCHOOLS, default="shafi"
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("time_zone"),
        FieldRowPanel([FieldPanel("method"), FieldPanel("asr")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("city")
        verbose_name_plural = _("cities")

    def __str__(self):
        return self.name

    def place(self) -> Place:
        return Place(
            float(self.latitude),
            float(self.longitude),
            self.time_zone.strip(),
            self.method,
            self.asr,
        )

    def clean(self):
        super().clean()
        if self.latitude is None or self.longitude is None or not self.time_zone:
            return  # the fields' own errors say what is missing
        if not _known_zone(self.time_zone.strip()):
            raise ValidationError(
                {
                    "time_zone": _(
                        "Unknown time zone. Write it as in the tz "
                        "database, e.g. Asia/Riyadh."
                    )
                }  # fmt: skip
            )
        year = date.today().year
        try:
            for month, day in SOLSTICES:
                day_times(self.place(), date(year, month, day))
        except PrayerTimesError:
            raise ValidationError(
                _(
                    "Prayer times cannot be computed here all year round: the sun "
                    "does not set, or twilight does not end, on some days. Check "
                    "the latitude and longitude."
                )  # fmt: skip
            ) from None


@cache
def _zones() -> frozenset[str]:
    # Reading the whole tz database takes a while; it does not change.
    return frozenset(available_timezones())


def _known_zone(name: str) -> bool:
    return name in _zones()
