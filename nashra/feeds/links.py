"""Absolute links for feeds, sitemaps, metadata and the API.

Wagtail keeps Arabic paths as IRIs (`/ثقافة/خبر/`), which is what people should
read. Protocols that carry URLs (sitemaps, feed links, JSON-LD, Location
headers) need URIs, so every absolute link made here goes through
`iri_to_uri`, which encodes non-ASCII once and leaves `%XX` alone: an already
encoded path is never encoded twice.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.encoding import iri_to_uri
from wagtail.models import Site

from nashra.feeds.models import FeedOptions


def site_for(request):
    """The Wagtail site answering `request` (the default site as a fallback)."""
    site = getattr(request, "_nashra_site", None)
    if site is None:
        site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
        request._nashra_site = site
    return site


def root_url(request):
    return site_for(request).root_url.rstrip("/")


def absolute(request, path):
    """`path` (an IRI such as `/tag/روسيا/`) as an absolute, encoded URL."""
    return iri_to_uri(root_url(request) + path)


def page_url(page, request):
    """A page's public URL, percent-encoded, without a query per page."""
    parts = page.get_url_parts(request)
    if parts is None:
        return None
    _site_id, page_root, page_path = parts
    return iri_to_uri((page_root or root_url(request)) + page_path)


def _options_key(site_id):
    return f"nashra:feed-options:{site_id}"


def options(request):
    """The site's FeedOptions: every page head reads them, so they are cached
    until an editor saves them (no query per page view)."""
    cached = getattr(request, "_nashra_feed_options", None)
    if cached is None:
        site = site_for(request)
        cached = cache.get(_options_key(site.pk))
        if cached is None:
            cached = FeedOptions.for_site(site)
            cache.set(_options_key(site.pk), cached, timeout=None)
        request._nashra_feed_options = cached
    return cached


@receiver(post_save, sender=FeedOptions)
@receiver(post_delete, sender=FeedOptions)
def forget_options(sender, instance, **kwargs):
    cache.delete(_options_key(instance.site_id))


def publication_name(request):
    site = site_for(request)
    return options(request).publication_name or site.site_name or "Nashra"
