from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from nashra.core.privacy import exclude_private


def _menu_sections(site):
    from nashra.sections.models import SectionPage

    if site is None:
        return []
    return list(
        exclude_private(SectionPage.objects.live().in_menu().child_of(site.root_page))
        .only("id", "title", "url_path", "path", "depth")
    )  # fmt: skip


def site_chrome(request):
    """The header and footer of every public page: site name and section menu."""
    site = Site.find_for_request(request)
    return {
        "current_site": site,
        "site_name": (site.site_name if site else "") or "",
        "menu_sections": SimpleLazyObject(lambda: _menu_sections(site)),
    }
