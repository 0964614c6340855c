from wagtail.models import Site


def site_chrome(request):
    """The header and footer of every public page: the site and its name."""
    site = Site.find_for_request(request)
    return {
        "current_site": site,
        "site_name": (site.site_name if site else "") or "",
    }
