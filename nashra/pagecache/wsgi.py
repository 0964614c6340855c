"""The WSGI application of `nashra serve --production`: hits before Django (#8).

On a cache hit Django's handler spent as much CPU around the page cache
middleware as in it: request signals that look at every database
connection, the middleware wrappers, URL-conf bookkeeping. This handler
looks a cookie-less GET or HEAD up first, with the middleware's own
functions, and answers a current entry itself. Everything else (a miss, any
cookie, a query the WordPress redirects may answer, a request the security
middleware would redirect, a static file) goes through Django unchanged.

It answers what the middleware would have answered only while the middleware
in front of the page cache is the expected list: those pass such requests
through untouched and only add SecurityMiddleware's headers, which are
added here too. With any other list the shortcut is off.
"""

import os
import time

import django
from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler, WSGIRequest
from django.middleware.security import SecurityMiddleware

from nashra.core import observe, versions

PAGE_CACHE = "nashra.pagecache.middleware.PageCacheMiddleware"
IN_FRONT = [
    # Counts and logs; hits answered here are counted and logged the same way.
    "nashra.core.observe.RequestMiddleware",
    # Answers /healthz and /readyz only, which the page cache never stores.
    "nashra.server.health.HealthMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "nashra.core.middleware.RejectNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "nashra.importers.middleware.WordPressQueryRedirectMiddleware",
]


def shortcut_allowed():
    middleware = list(settings.MIDDLEWARE)
    return PAGE_CACHE in middleware and (
        middleware[: middleware.index(PAGE_CACHE)] == IN_FRONT
    )


class CacheFirstHandler(WSGIHandler):
    def __init__(self):
        super().__init__()
        self.shortcut = shortcut_allowed()
        self.security = SecurityMiddleware(lambda request: None)

    def __call__(self, environ, start_response):
        started = time.perf_counter()
        try:
            response = self.hit(environ, started) if self.shortcut else None
        except Exception:  # noqa: BLE001
            # Redis down, a malformed header…: Django's handler meets the same
            # error again and answers it as it answers every error.
            response = None
        if response is None:
            return super().__call__(environ, start_response)
        status = f"{response.status_code} {response.reason_phrase}"
        start_response(status, list(response.items()))
        return [response.content]

    def hit(self, environ, started):
        """The replayed response for a current entry, else None."""
        # Deferred: this module is loaded before django.setup(), and these
        # import models (Wagtail's redirects) that need the app registry.
        from nashra.importers.middleware import WORDPRESS_KEYS
        from nashra.pagecache.middleware import cache_key, current_entry, replay

        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return None
        if "HTTP_COOKIE" in environ:
            return None
        # A copy: WSGIRequest rewrites PATH_INFO decoded in the environ it is
        # given, and Django's handler must read the original after a miss.
        request = WSGIRequest(dict(environ))
        path = request.path
        if "\x00" in path or path.startswith(settings.STATIC_URL):
            return None
        if request.META.get("QUERY_STRING") and not WORDPRESS_KEYS.isdisjoint(
            request.GET
        ):
            return None
        if self.security.process_request(request) is not None:
            return None
        key = cache_key(request)
        entry = None if key is None else current_entry(key, versions.store())
        if entry is None:
            return None
        response = self.security.process_response(request, replay(request, entry))
        return observe.finish(request, response, started, cache="hit")


def get_application():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nashra.settings")
    django.setup(set_prefix=False)
    return CacheFirstHandler()


application = get_application()
