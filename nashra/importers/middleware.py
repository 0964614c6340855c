"""301s for WordPress's query-string URLs (/?p=123) on paths that exist (#7).

Wagtail's RedirectMiddleware only looks at 404 responses, but /?p=123 is
the home page with a query string: it answers 200 and the old link would
land on the front page. WordPress's own id parameters are therefore
matched before the view runs, against the same Redirect rows.
"""

from urllib.parse import urlencode

from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from django.utils.encoding import escape_uri_path
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect

# The query parameters WordPress answers with a post, page, term or feed.
WORDPRESS_KEYS = frozenset(
    {"p", "page_id", "attachment_id", "cat", "tag", "author", "feed"}
)


class WordPressQueryRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and not WORDPRESS_KEYS.isdisjoint(
            request.GET
        ):
            redirect = get_redirect(request, _path(request.get_full_path()))
            if redirect is None:
                # Shared links carry utm_*, fbclid …: the post is the one
                # WordPress's own keys name (#13).
                redirect = get_redirect(request, _path(_wordpress_only(request)))
            if redirect is not None and redirect.link:
                if redirect.is_permanent:
                    return HttpResponsePermanentRedirect(redirect.link)
                return HttpResponseRedirect(redirect.link)
        return self.get_response(request)


def _path(url: str) -> str:
    return Redirect.normalise_path(url, decode_unicode=False)


def _wordpress_only(request) -> str:
    kept = [(k, v) for k, v in request.GET.items() if k in WORDPRESS_KEYS]
    # Encoded as get_full_path() encodes, so both lookups match the same rows.
    return escape_uri_path(request.path) + "?" + urlencode(kept)
