"""Content-Security-Policy and Permissions-Policy on every HTML response (#17).

Reader pages get a strict policy: scripts and styles from the site itself,
plus the site's own two inline blocks (the early colour-scheme script and
the theme's colours and fonts) by their SHA-256 hashes, never
'unsafe-inline'; no plugins, no <base> tricks, no framing by other sites.
Hashes rather than nonces because the page cache replays one response to
every reader: a nonce would be the same for all of them, and so worthless;
a hash stays true of the stored body, and the header is stored with it.
Inline event handlers (onclick=) are not allowed by any hash and are not used.

A newsroom adds its ad and embed hosts with NASHRA_CSP_SCRIPT_SRC,
NASHRA_CSP_FRAME_SRC, NASHRA_CSP_IMG_SRC and NASHRA_CSP_CONNECT_SRC
(settings.py). The Wagtail admin gets the strictest policy it still works
under (see ADMIN), checked by a browser test.
"""

import base64
import hashlib
from urllib.parse import urlsplit

from django.conf import settings

HEADER = "Content-Security-Policy"
ADMIN_PREFIX = "/admin/"
# Features no news page needs; an embedded player keeps fullscreen and
# autoplay, which are left to their defaults (#17).
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer", "camera", "geolocation", "gyroscope", "magnetometer",
        "microphone", "payment", "usb", "browsing-topics",
    )
)  # fmt: skip
# Wagtail 8's admin still writes style="" attributes and inline <style>
# (Draftail, the page explorer, comments), and a few widgets start from an
# inline <script>; everything else is as strict as on reader pages.
ADMIN = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}


def source_hash(text):
    digest = hashlib.sha256(text.encode()).digest()
    return "'sha256-" + base64.b64encode(digest).decode() + "'"


def allow_inline(request, kind, text):
    """Let this response carry the site's own inline ``kind`` ("script" or
    "style") block ``text``."""
    if request is None:
        return
    allowed = request.__dict__.setdefault("_csp_inline", {"script": [], "style": []})
    found = source_hash(text)
    if found not in allowed[kind]:
        allowed[kind].append(found)


def allow_sources(request, directive, sources):
    """Let this response load from ``sources`` (origins) under ``directive``:
    what the ad slots on a page configure, and nothing on pages without
    them (#20)."""
    if request is None:
        return
    allowed = request.__dict__.setdefault("_csp_sources", {})
    found = allowed.setdefault(directive, [])
    found.extend(source for source in sources if source not in found)


def _origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def _asset_origins():
    """Static or media files on another host (a CDN, object storage)."""
    return [o for o in map(_origin, (settings.STATIC_URL, settings.MEDIA_URL)) if o]


def reader_policy(request):
    inline = getattr(request, "_csp_inline", {"script": [], "style": []})
    assets = _asset_origins()
    extra = settings.CSP_EXTRA_SOURCES
    own = getattr(request, "_csp_sources", {})

    def more(directive):
        return [s for s in own.get(directive, ()) if s not in extra.get(directive, ())]

    policy = {
        "default-src": ["'self'"],
        "script-src": [
            "'self'",
            *inline["script"],
            *assets,
            *extra["script-src"],
            *more("script-src"),
        ],
        "style-src": ["'self'", *inline["style"], *assets],
        "img-src": ["'self'", "data:", *assets, *extra["img-src"], *more("img-src")],
        "font-src": ["'self'", *assets],
        "connect-src": ["'self'", *extra["connect-src"], *more("connect-src")],
        "frame-src": ["'self'", *extra["frame-src"], *more("frame-src")],
        "media-src": ["'self'", *assets, *more("media-src")],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
    if settings.HTTPS:
        policy["upgrade-insecure-requests"] = []
    return policy


def render(policy):
    return "; ".join(" ".join([name, *sources]) for name, sources in policy.items())


def policy_for(request):
    if request.path.startswith(ADMIN_PREFIX):
        return render(ADMIN)
    return render(reader_policy(request))


class ContentSecurityPolicyMiddleware:
    """Inside the page cache, so a stored page keeps the header of its body."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "text/html" in response.get("Content-Type", ""):
            if not response.has_header(HEADER):
                response[HEADER] = policy_for(request)
            response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
