"""Template filters every public page uses for Arabic text, numbers and dates,
and the slots templates offer to higher apps (#13)."""

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import get_language, get_language_bidi

from nashra.core import slots
from nashra.core.display import display_options, local, site_number
from nashra.text import bidi, credits, dates

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


@register.filter
def credit_name(value):
    """A photo credit without its own «تصوير:» label: the template prints one (#12)."""
    return credits.credit_name(value)


@register.simple_tag(takes_context=True)
def num(context, value):
    """A number in the site's digits (0-9 or ٠-٩); text keeps its other characters."""
    if isinstance(value, Promise):
        value = str(value)  # a lazy message (#12)
    shown = site_number(context.get("request"), value)
    # Already-escaped text (a |join of form errors) stays escaped once: only
    # digits change, and no digit is markup.
    return mark_safe(shown) if isinstance(value, SafeData) else shown  # noqa: S308


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


@register.simple_tag(takes_context=True)
def news_time(context, value, css_class=""):
    """A <time> with the date and the time of day, e.g. "الثلاثاء 18 يونيو
    2024، الساعة 14:05", marked for the theme's script to say "منذ ساعتين"
    while it is recent (#14).

    The relative form is never written here: a page or card kept in the
    cache would still say "منذ 5 دقائق" an hour later. The absolute time is
    true for ever, and the reader's clock makes it relative at reading.
    """
    if not value:
        return ""
    digits = display_options(context.get("request")).digits
    if not get_language().startswith("ar"):
        digits = "western"
    return format_html(
        '<time class="{}" datetime="{}" data-relative data-digits="{}">{}</time>',
        css_class,
        local(value).isoformat(timespec="seconds"),
        digits,
        news_date(context, value, with_time=True),
    )


@register.simple_tag(takes_context=True)
def header_dates(context):
    """Today in the site's time zone for the header: ISO, Gregorian, Hijri (#18).

    Rendered on the server, so it always equals hijridate's Umm al-Qura date
    (a browser's own calendar tables need not). Cached pages stay right after
    midnight because the page cache keys every entry on this same local date
    (nashra.pagecache.middleware.cache_key); nothing else cached holds it.
    """
    today = timezone.localdate()
    if not get_language().startswith("ar"):
        return {"iso": today.isoformat(), "gregorian": date_format(today, "l j F Y")}
    options = display_options(context.get("request"))
    gregorian, hijri = dates.header_dates(
        today, months=options.months, digits=options.digits
    )
    return {"iso": today.isoformat(), "gregorian": gregorian, "hijri": hijri}


@register.simple_tag(takes_context=True)
def slot(context, name):
    """What other apps put in this template's slot ``name`` (nashra.core.slots),
    each rendered in a pushed context, as ``{% include %}`` renders."""
    parts = []
    for template_name in slots.filling(name):
        template = context.template.engine.get_template(template_name)
        with context.push():
            parts.append(template.render(context))
    return mark_safe("".join(parts))  # noqa: S308  (our own templates)
