"""The section menu in the header of every public page (#2, #8)."""

from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from nashra.core import fragments, groups
from nashra.core.privacy import exclude_private
from nashra.sections.models import SectionPage


def _load_menu(site):
    sections = SectionPage.objects.live().in_menu().child_of(site.root_page)
    # Restricted to section rows first: otherwise SQLite walks the whole page
    # table in path order to find the few sections (25 ms at 100,000, #8).
    sections = sections.filter(pk__in=SectionPage.objects.values("pk"))
    return list(
        exclude_private(sections).only("id", "title", "url_path", "path", "depth")
    )


def _menu_sections(site):
    if site is None:
        return []
    # A section edit, move or restriction bumps the "site" group (#8).
    return fragments.cached(
        f"menu:{site.pk}:{site.root_page_id}", {groups.SITE}, lambda: _load_menu(site)
    )


def menu(request):
    """The sections of the request's site, read only when a template shows them."""
    site = Site.find_for_request(request)
    return {"menu_sections": SimpleLazyObject(lambda: _menu_sections(site))}
