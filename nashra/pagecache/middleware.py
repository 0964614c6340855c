"""Whole-response cache for anonymous readers, in front of everything (#8).

A hit costs one read of the group versions (one MGET on Redis), the entry
itself coming from this process's copy (entries.py); Wagtail, the template
engine and the database are never reached. Only requests that carry
nothing personal are looked up or stored: no session cookie (staff, readers
who entered a page password), no comment cookie, no Authorization header.
"""

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone

from nashra.ads.slots import seconds_until_change as ads_change
from nashra.articles import breaking
from nashra.core import groups, observe, versions
from nashra.pagecache import conf, entries, frontend, published, purge, responses
from nashra.pagecache.dependencies import for_served_page, for_view
from nashra.pagecache.keys import entry_key

PERSONAL_COOKIE_PREFIXES = ("nashra_comments", "nashra-comment")


def carries_personal_cookie(request):
    for name in request.COOKIES:
        if name == settings.SESSION_COOKIE_NAME or name.startswith(
            PERSONAL_COOKIE_PREFIXES
        ):
            return True
    return False


def cache_key(request):
    """The entry key, or None when this request must not touch the cache."""
    if request.method not in ("GET", "HEAD") or not conf.enabled():
        return None
    if request.path.startswith(tuple(conf.excluded_prefixes())):
        return None
    if carries_personal_cookie(request) or "HTTP_AUTHORIZATION" in request.META:
        return None
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    # Every page's header prints today's date (#18): keyed on the local day,
    # a page rendered at 23:59 is a miss at 00:00, with no script in the page
    # and no Hijri table in the browser. A CDN may hold the old copy for
    # s-maxage plus stale-while-revalidate (two minutes by default).
    return entry_key(
        request.scheme,
        host,
        request.path,
        request.META.get("QUERY_STRING", ""),
        day=timezone.localdate().isoformat(),
    )


def dependencies(request, response):
    """Groups the response was built from: the served page, else the view."""
    found = {groups.SITE, *getattr(request, "pagecache_groups", ())}
    context = getattr(response, "context_data", None) or {}
    page = context.get("page") if isinstance(context, dict) else None
    if page is not None and hasattr(page, "specific_class"):
        tags = context.get("tags")
        found |= for_served_page(page, tags=tags)
    else:
        found |= for_view(getattr(request, "resolver_match", None))
    return found


def entry_ttl(request):
    match = getattr(request, "resolver_match", None)
    if match is not None and match.view_name.startswith("search:"):
        ttl = conf.short_ttl()
    else:
        ttl = conf.ttl()
    # No signal announces a breaking flag's end: an entry that may show it
    # (the ticker is on every page) lives no longer than the flag (#14).
    # Nor longer than the house ads it shows, started or ended by date (#20).
    return min(ttl, breaking.seconds_until_next_end(), ads_change() or ttl)


def replay(request, entry):
    if responses.not_modified(request, entry):
        response = HttpResponseNotModified()
        for name, value in entry.headers:
            if name.lower() in ("etag", "last-modified", "cache-control", "vary"):
                response[name] = value
        return response
    response = HttpResponse(status=entry.status)
    for name, value in entry.headers:
        response[name] = value
    encode(request, response, entry)
    response["X-Cache"] = "HIT"
    return response


def encode(request, response, entry):
    """Give ``response`` the entry's body, gzipped for a client that asks.

    Misses use it too: the first reader of a page (and every reader after an
    invalidation, on a busy desk most of them) otherwise got the HTML
    uncompressed, four times the bytes of a hit (#12).
    """
    body = entry.body
    if entry.gzipped is not None:
        if "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", ""):
            body = entry.gzipped
            response["Content-Encoding"] = "gzip"
        vary = response.get("Vary")
        response["Vary"] = f"{vary}, Accept-Encoding" if vary else "Accept-Encoding"
    response.content = b"" if request.method == "HEAD" else body
    response["Content-Length"] = str(len(body))


def current_entry(key, store):
    """The entry stored under ``key`` if every version it recorded is still
    current, else None."""
    for entry, kept_here in entries.candidates(key):
        if store.get_many(entry.versions) == entry.versions:
            if not kept_here:
                entries.remember(key, entry)
            return entry
        entries.forget(key, entry)
    return None


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = cache_key(request)
        if key is None:
            return self.get_response(request)
        store = versions.store()
        entry = current_entry(key, store)
        if entry is not None:
            request.META[observe.CACHE_RESULT] = "hit"
            return replay(request, entry)
        request.META[observe.CACHE_RESULT] = "miss"
        clock_before = store.get_many([groups.CLOCK])
        response = self.get_response(request)
        if request.method == "GET" and responses.shareable(request, response):
            self.store(request, response, key, store, clock_before)
        return response

    def store(self, request, response, key, store, clock_before):
        wanted = dependencies(request, response)
        # Labelled even when not kept here: an HTTP cache in front keeps it.
        purge.label(response, wanted)
        frontend.record(request, wanted)
        store.ensure_generation()
        now = store.get_many([*wanted, groups.GENERATION, groups.CLOCK])
        # Something was invalidated while this page rendered: it may show the
        # old state under the new version, so it is not kept, nor by a cache
        # in front: Varnish or a CDN fetching while a ban or purge went out
        # would otherwise keep the old page for s-maxage (#16).
        if now.pop(groups.CLOCK) != clock_before[groups.CLOCK]:
            response["X-Cache"] = "MISS"
            response["Cache-Control"] = "private, no-cache"
            return
        if response.streaming:
            response.streaming_content = self.tee(
                request, response, key, now, response.streaming_content
            )
        else:
            self.keep(request, response, key, now, response.content)
        response["X-Cache"] = "MISS"

    def keep(self, request, response, key, now, body):
        entry = responses.build_entry(response, body, now)
        entries.store(key, entry, entry_ttl(request))
        encode(request, response, entry)
        written = published.write(request, response, entry)
        # An invalidation between the check above and the rename would miss
        # the new file; look again now that it is visible.
        if written and versions.store().get_many(entry.versions) != entry.versions:
            written.unlink(missing_ok=True)

    def tee(self, request, response, key, now, chunks):
        """Stream to the reader and keep a copy when it ends small enough."""
        kept, size = [], 0
        for chunk in chunks:
            if size <= responses.MAX_BODY_BYTES:
                kept.append(chunk)
                size += len(chunk)
            yield chunk
        if size <= responses.MAX_BODY_BYTES:
            entry = responses.build_entry(response, b"".join(kept), now)
            entries.store(key, entry, entry_ttl(request))
