"""301s for WordPress's query-string URLs (/?p=123) on paths that exist (#7).

Wagtail's RedirectMiddleware only looks at 404 responses, but /?p=123 is
the home page with a query string: it answers 200 and the old link would
land on the front page. WordPress's own id parameters are therefore
matched before the view runs, against the same Redirect rows.
"""

from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
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
            path = Redirect.normalise_path(
                request.get_full_path(), decode_unicode=False
            )
            redirect = get_redirect(request, path)
            if redirect is not None and redirect.link:
                if redirect.is_permanent:
                    return HttpResponsePermanentRedirect(redirect.link)
                return HttpResponseRedirect(redirect.link)
        return self.get_response(request)
