"""How dates and numbers are written on the public site.

The theme options (#4) choose these per site; until a site has saved its
options, the house defaults below apply.
"""

from dataclasses import dataclass

from django.utils import timezone

from nashra.text import digits


@dataclass(frozen=True)
class DisplayOptions:
    calendar: str = "gregorian"  # gregorian | hijri | both
    months: str = "egyptian"  # egyptian | levantine | both
    digits: str = "western"  # western | arabic


DEFAULT_OPTIONS = DisplayOptions()


def display_options(request=None):
    """The options of the request's site, cached on the request."""
    if request is None:
        return DEFAULT_OPTIONS
    cached = getattr(request, "_nashra_display", None)
    if cached is None:
        cached = _site_options(request)
        request._nashra_display = cached
    return cached


def _site_options(request):
    from django.apps import apps

    # Requests built by hand (e.g. RequestFactory in tests) may lack META.
    if not apps.is_installed("nashra.theme") or not hasattr(request, "META"):
        return DEFAULT_OPTIONS
    loader = getattr(apps.get_app_config("theme"), "display_options", None)
    return loader(request) if loader else DEFAULT_OPTIONS


def local(value):
    """Aware datetimes in the site's time zone; dates pass through."""
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        return timezone.localtime(value)
    return value


def site_number(request, value):
    """A number (or digits in text) in the site's digits; Western on English pages."""
    from django.utils.translation import get_language

    style = display_options(request).digits
    if not get_language().startswith("ar"):
        style = digits.DIGITS_WESTERN
    if isinstance(value, str):
        return digits.to_arabic_indic(value) if style == digits.DIGITS_ARABIC else value
    return digits.format_number(value, digits=style)
