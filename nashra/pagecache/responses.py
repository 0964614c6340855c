"""Whether a response may be shared, and the stored form of one (#8)."""

import gzip
import hashlib
import time
from dataclasses import dataclass, field

from django.utils.cache import cc_delim_re, patch_cache_control
from django.utils.http import http_date

from nashra.pagecache import conf

SHAREABLE_STATUS = frozenset({200, 301, 404, 410})
# Headers a replayed response must not repeat: per-connection or recomputed.
DROPPED_HEADERS = frozenset(
    {"set-cookie", "content-length", "connection", "date", "x-cache", "age"}
)
SHAREABLE_VARY = frozenset({"cookie", "accept-encoding"})
GZIP_MIN_BYTES = 512
MAX_BODY_BYTES = 4 * 1024 * 1024


@dataclass
class Entry:
    """A response as stored: status, headers, body (and its gzip form), the
    group versions it was built under, and when it expires (epoch seconds)."""

    status: int
    headers: list
    body: bytes
    gzipped: bytes | None
    etag: str
    stored_at: float
    versions: dict = field(default_factory=dict)
    expires: float = 0.0


def cache_control_forbids(response):
    value = response.get("Cache-Control", "").lower()
    directives = {d.split("=")[0].strip() for d in cc_delim_re.split(value) if d}
    return bool(directives & {"private", "no-store", "no-cache"})


def vary_forbids(response):
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    return bool(vary - SHAREABLE_VARY)


def shareable(request, response):
    """True when the response is the same for every anonymous reader."""
    if request.method != "GET" or response.status_code not in SHAREABLE_STATUS:
        return False
    if response.cookies or response.has_header("Set-Cookie"):
        return False
    # A template asked for a CSRF token: the page embeds this reader's token.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    if getattr(request, "pagecache_skip", False):
        return False
    return not (cache_control_forbids(response) or vary_forbids(response))


def make_etag(body):
    return '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'


def add_public_headers(response, etag, stored_at):
    """Validators and CDN directives on a shareable response."""
    response["ETag"] = etag
    response["Last-Modified"] = http_date(stored_at)
    if not response.has_header("Cache-Control"):
        cdn = conf.cdn_max_age()
        patch_cache_control(
            response,
            public=True,
            max_age=0,
            s_maxage=cdn,
            stale_while_revalidate=cdn,
            stale_if_error=86400,
        )


def build_entry(response, body, versions):
    stored_at = time.time()
    etag = make_etag(body)
    add_public_headers(response, etag, stored_at)
    headers = [
        (name, value)
        for name, value in response.items()
        if name.lower() not in DROPPED_HEADERS
    ]
    compressible = len(body) >= GZIP_MIN_BYTES and not response.has_header(
        "Content-Encoding"
    )
    gzipped = gzip.compress(body, 6, mtime=0) if compressible else None
    return Entry(
        response.status_code, headers, body, gzipped, etag, stored_at, versions
    )


def not_modified(request, entry):
    """RFC 9110 13.1: If-None-Match wins over If-Modified-Since."""
    match = request.META.get("HTTP_IF_NONE_MATCH")
    if match is not None:
        tags = {t.strip().removeprefix("W/") for t in match.split(",")}
        return "*" in tags or entry.etag in tags
    since = request.META.get("HTTP_IF_MODIFIED_SINCE")
    if since:
        from django.utils.http import parse_http_date_safe

        parsed = parse_http_date_safe(since)
        return parsed is not None and int(entry.stored_at) <= parsed
    return False
