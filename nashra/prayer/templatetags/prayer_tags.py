"""The prayer-times widget for the site's footer (#18)."""

from django import template

from nashra.prayer import display, timetable

register = template.Library()


@register.inclusion_tag("prayer/widget.html", takes_context=True)
def prayer_widget(context):
    """The first city's times, or nothing when the site shows none."""
    request = context.get("request")
    if request is None:
        return {"day": None}
    settings, days = timetable.for_request(request)
    if not settings.show_widget or not days:
        return {"day": None}
    day = days[0]
    return {"day": day, "rows": display.rows(request, day)}
