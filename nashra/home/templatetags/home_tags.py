from django import template
from django.utils.safestring import mark_safe

from nashra.articles.blocks import sanitise_html

register = template.Library()


@register.filter
def sanitised(html):
    """Staff HTML cleaned again at output, whatever is stored (#4)."""
    return mark_safe(sanitise_html(str(html or "")))  # noqa: S308  (nh3 output)
