"""The section menu in the header of every public page (#2, #8, #20)."""

from dataclasses import dataclass, field

from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from nashra.core import fragments, groups
from nashra.sections.tree import section_tree


@dataclass
class MenuEntry:
    """A top section of the menu and the sub-sections its panel lists."""

    section: object
    children: list = field(default_factory=list)


def _top_ids(site, tree):
    # The home page is read once per version of "site", never per page.
    return [section.pk for section in tree.top(site.root_page) if section.show_in_menus]


def _menu_sections(site):
    if site is None:
        return []
    tree = section_tree()
    # A section edit, move or restriction bumps the "site" group (#8).
    ids = fragments.cached(
        f"menu:{site.pk}:{site.root_page_id}",
        {groups.SITE},
        lambda: _top_ids(site, tree),
    )
    return [
        MenuEntry(
            tree.get(pk),
            [child for child in tree.children(pk) if child.show_in_menus],
        )
        for pk in ids
        if tree.get(pk) is not None
    ]


def menu(request):
    """The sections of the request's site, read only when a template shows them."""
    site = Site.find_for_request(request)
    return {"menu_sections": SimpleLazyObject(lambda: _menu_sections(site))}
