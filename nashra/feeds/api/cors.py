"""Cross-origin access to the public API: off unless NASHRA_CORS_ORIGINS lists origins.

Small enough to own rather than depend on a package: the API is read-only and
sends no credentials, so only simple GETs and their preflights are answered.
`*` in the setting allows any origin.
"""

from functools import wraps

from django.conf import settings
from django.http import HttpResponse

ALLOWED_METHODS = "GET, HEAD, OPTIONS"
ALLOWED_HEADERS = "Accept, Accept-Language, Content-Type"
PREFLIGHT_CACHE_SECONDS = "86400"


def _configured():
    return getattr(settings, "NASHRA_CORS_ORIGINS", [])


def allowed_origin(origin):
    """The value for Access-Control-Allow-Origin, or None to send no CORS header."""
    configured = _configured()
    if "*" in configured:
        return "*"
    if origin and origin in configured:
        return origin
    return None


def with_cors(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        origin = allowed_origin(request.headers.get("Origin"))
        preflight = request.method == "OPTIONS" and origin
        if preflight:
            response = HttpResponse(status=204)
        else:
            response = view(request, *args, **kwargs)
        configured = _configured()
        if configured and "*" not in configured:
            # The answer depends on the Origin only for a list of origins;
            # off or "*" stays one shareable (page-cacheable) response.
            response["Vary"] = ", ".join(filter(None, [response.get("Vary"), "Origin"]))
        if origin:
            response["Access-Control-Allow-Origin"] = origin
            if preflight:
                response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
                response["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
                response["Access-Control-Max-Age"] = PREFLIGHT_CACHE_SECONDS
        return response

    return wrapped
