"""The Wagtail Site of a request, cached per host and port (#8)."""

from django.http.request import split_domain_port
from wagtail.models import Site

from nashra.core import fragments, groups

# Cached for "no site matches", which None (a cache miss) cannot say.
NO_SITE = 0


def _find(request):
    return Site._find_for_request(request) or NO_SITE


def remember_site(request):
    """Set Wagtail's per-request Site from the cache (one query on a miss)."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    hostname = split_domain_port(request._get_raw_host())[0]
    site = fragments.cached(
        f"site-for:{hostname}:{request.get_port()}",
        {groups.SITE},
        lambda: _find(request),
    )
    request._wagtail_site = site or None
    return request._wagtail_site
