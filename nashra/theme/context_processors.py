from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from nashra.theme.notice import staff_notice
from nashra.theme.options import for_request


def theme(request):
    """The site's theme options for every template, and the staff-only notice."""
    options = for_request(request)
    site = Site.find_for_request(request)
    context = {
        "theme": options,
        "licence_notice": SimpleLazyObject(
            lambda: staff_notice(request, site, options) or {}
        ),
    }
    if options.site_name:
        context["site_name"] = options.site_name
    return context
