"""Template filters every public page uses for Arabic text, numbers and dates."""

from django import template
from django.utils.formats import date_format
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_bidi

from nashra.core.display import display_options, local
from nashra.text import bidi, dates, digits

register = template.Library()


def _base():
    return "rtl" if get_language_bidi() else "ltr"


@register.filter
def isolate(value):
    """Plain text with foreign runs bidi-isolated (headlines, names, captions)."""
    if value is None:
        return ""
    return mark_safe(bidi.isolate_text(str(value), _base()))  # noqa: S308


@register.filter
def isolate_html(value):
    """Trusted HTML (rendered rich text) with foreign runs bidi-isolated."""
    return mark_safe(bidi.isolate_html(str(conditional_escape(value)), _base()))  # noqa: S308


@register.simple_tag(takes_context=True)
def num(context, value):
    """A number in the site's digits (0-9 or ٠-٩); text keeps its other characters."""
    style = display_options(context.get("request")).digits
    if not get_language().startswith("ar"):
        style = digits.DIGITS_WESTERN
    if isinstance(value, str):
        return digits.to_arabic_indic(value) if style == digits.DIGITS_ARABIC else value
    return digits.format_number(value, digits=style)


@register.simple_tag(takes_context=True)
def news_date(context, value, with_time=False):
    """A date written the Arabic way, e.g. "الثلاثاء 18 يونيو 2024"."""
    if not value:
        return ""
    if not get_language().startswith("ar"):
        return date_format(local(value), "l j F Y, H:i" if with_time else "l j F Y")
    options = display_options(context.get("request"))
    return dates.format_date(
        local(value),
        calendar=options.calendar,
        months=options.months,
        digits=options.digits,
        time=with_time,
    )


@register.simple_tag
def font_faces():
    """@font-face rules for the site's typeface, served from 127.0.0.1 only."""
    from django.templatetags.static import static

    from nashra.theme.fonts import DEFAULT_TYPEFACE as face

    rules = [
        "@font-face{"
        f"font-family:'{face.family}';font-style:normal;font-weight:{weight};"
        f"font-display:swap;src:url('{static(f'{face.static_prefix}/{name}')}')"
        " format('truetype')}"
        for weight, name in face.files
    ]
    rules.append(f":root{{--font-text:'{face.family}',{face.fallback}}}")
    return mark_safe(f"<style>{''.join(rules)}</style>")  # noqa: S308
