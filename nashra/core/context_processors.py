from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from nashra.core import fragments, groups
from nashra.core.privacy import exclude_private


def _load_menu(site):
    from nashra.sections.models import SectionPage

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


def site_chrome(request):
    """The header and footer of every public page: site name and section menu."""
    site = Site.find_for_request(request)
    return {
        "current_site": site,
        "site_name": (site.site_name if site else "") or "",
        "menu_sections": SimpleLazyObject(lambda: _menu_sections(site)),
    }
