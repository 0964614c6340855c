"""`{% widget_area "sidebar" %}`: an area's widgets, or nothing (#20)."""

from django import template
from django.utils.safestring import mark_safe

from nashra.widgets.render import area_html

register = template.Library()


@register.simple_tag(takes_context=True)
def widget_area(context, area):
    """The HTML of ``area`` ("sidebar" or "footer"); "" when it is empty."""
    return mark_safe(area_html(context.get("request"), area))  # noqa: S308
