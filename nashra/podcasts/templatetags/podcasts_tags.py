from django import template

from nashra.core.display import site_number
from nashra.text.audio import clock

register = template.Library()


@register.simple_tag(takes_context=True)
def duration(context, seconds):
    """An episode's length as players write it (1:02:05), in the site's digits."""
    return site_number(context.get("request"), clock(seconds))
