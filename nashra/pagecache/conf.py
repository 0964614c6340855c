"""Page-cache settings with their defaults (settings.py reads the environment)."""

from django.conf import settings


def enabled():
    return getattr(settings, "PAGE_CACHE", True)


def ttl():
    """Seconds an entry lives at most: bounds what no signal announces (a
    breaking-news item expiring, "3 hours ago")."""
    return getattr(settings, "PAGE_CACHE_TTL", 600)


def short_ttl():
    """Seconds for search results and suggestions: they depend on everything."""
    return getattr(settings, "PAGE_CACHE_SHORT_TTL", 60)


def local_bytes():
    """Bytes of entries each process keeps unpickled (entries.py)."""
    return getattr(settings, "PAGE_CACHE_LOCAL_BYTES", 64 * 1024 * 1024)


def cdn_max_age():
    return getattr(settings, "PAGE_CACHE_CDN_MAX_AGE", 60)


def excluded_prefixes():
    return getattr(
        settings,
        "PAGE_CACHE_EXCLUDE",
        [
            "/admin/",
            "/comments/",
            "/theme/seen/",
            "/documents/",
            "/static/",
            "/media/",
            "/healthz",
            "/readyz",
            "/metrics",
        ],  # fmt: skip
    )


def static_publish_dir():
    """Where rendered pages are written for nginx, or None when not publishing."""
    if not getattr(settings, "STATIC_PUBLISH", False):
        return None
    return getattr(settings, "STATIC_PUBLISH_DIR", None)
