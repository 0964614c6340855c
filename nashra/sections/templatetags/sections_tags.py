"""Breadcrumbs for section and article pages (#20)."""

from django import template

from nashra.sections.breadcrumbs import trail

register = template.Library()


@register.inclusion_tag("sections/breadcrumbs.html")
def breadcrumbs(page):
    """{% breadcrumbs page %}: home › section › sub-section › page, the last
    marked as the current page."""
    return {"crumbs": trail(page) if page is not None else []}
