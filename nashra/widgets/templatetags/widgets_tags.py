"""`{% widget_area "sidebar" %}`: an area's widgets, or nothing (#20)."""

from functools import cache
from pathlib import Path

from django import template
from django.utils.safestring import mark_safe

from nashra.widgets.blocks import NETWORKS
from nashra.widgets.render import area_html

ICONS = Path(__file__).resolve().parent.parent / "static" / "widgets" / "icons"

register = template.Library()


@register.simple_tag(takes_context=True)
def widget_area(context, area):
    """The HTML of ``area`` ("sidebar" or "footer"); "" when it is empty."""
    return mark_safe(area_html(context.get("request"), area))  # noqa: S308


@register.simple_tag
def social_icon(network):
    """The network's icon as inline SVG: three icons were three requests
    before the article's picture, and 6 ms over Lighthouse's LCP (#20)."""
    return mark_safe(_icon(network))  # noqa: S308  (our own files, by a fixed name)


@cache
def _icon(network):
    if network not in {name for name, _ in NETWORKS}:
        return ""
    svg = (ICONS / f"{network}.svg").read_text(encoding="utf-8").strip()
    return svg.replace("<svg ", '<svg class="widget-social__icon" aria-hidden="true"'
                       ' focusable="false" ', 1)  # fmt: skip
