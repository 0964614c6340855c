"""Per-request theme selection and private responses for signed-in users."""

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control

from nashra.theme.loaders import active_theme
from nashra.theme.options import for_request
from nashra.theme.registry import DEFAULT_THEME_KEY, get_theme


class ThemeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        theme = get_theme(for_request(request).theme)
        token = active_theme.set("" if theme.key == DEFAULT_THEME_KEY else theme.key)
        try:
            response = self.get_response(request)
            # Responses rendered lazily (TemplateResponse) render inside the try.
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        finally:
            active_theme.reset(token)
        # Only a request with a session can be signed in; reading request.user
        # otherwise would add "Vary: Cookie" to every reader's page.
        signed_in = settings.SESSION_COOKIE_NAME in request.COOKIES and getattr(
            getattr(request, "user", None), "is_authenticated", False
        )
        if signed_in:
            # Staff pages carry the licence notice and the userbar: a shared
            # cache must never store them and serve them to readers (#4).
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        return response
