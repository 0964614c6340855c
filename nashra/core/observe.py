"""One log line and the metrics of every request, with a request id (#17).

The id comes from the proxy's X-Request-ID when Nashra is behind one
(NASHRA_BEHIND_PROXY; a client reaching Nashra directly cannot choose it),
else it is made here; either way the response says it back. The middleware
comes first, outside the page cache, so stored pages never carry an id;
the WSGI handler of ``serve --production`` calls ``finish`` for the hits it
answers before Django (nashra/pagecache/wsgi.py).

The line has the path without its query, the status, the time, the page
kind, the page-cache result and the client's network (its address
truncated as comments keep it); the formatters scrub e-mail and IP
addresses from every line (nashra/core/logs.py).
"""

import logging
import re
import time
import uuid

from django.conf import settings

from nashra.core import metrics
from nashra.core.client import client_ip
from nashra.text.pagekind import page_kind
from nashra.text.scrub import truncate_ip

logger = logging.getLogger("nashra.request")
GIVEN_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")
# Set in the request's environ by the page cache: "hit" or "miss".
CACHE_RESULT = "nashra.page_cache"


def request_id(meta):
    if settings.SECURE_PROXY_SSL_HEADER:
        given = meta.get("HTTP_X_REQUEST_ID", "")
        if GIVEN_ID.fullmatch(given):
            return given
    return uuid.uuid4().hex


def finish(request, response, started, cache=None):
    rid = request.META.get("nashra.request_id") or request_id(request.META)
    response["X-Request-ID"] = rid
    seconds = time.perf_counter() - started
    path = request.path
    kind = page_kind(path)
    cache = cache or request.META.get(CACHE_RESULT)
    if settings.METRICS:
        metrics.count_request(kind, response.status_code, seconds, cache)
    if settings.REQUEST_LOG and logger.isEnabledFor(logging.INFO):
        ms = round(seconds * 1000, 1)
        client = truncate_ip(client_ip(request) or "") or "-"
        logger.info(
            "%s %s %s %sms kind=%s cache=%s client=%s id=%s",
            request.method,
            path,
            response.status_code,
            ms,
            kind,
            cache or "-",
            client,
            rid,
            extra={
                "request_id": rid,
                "method": request.method,
                "path": path,
                "status": response.status_code,
                "ms": ms,
                "kind": kind,
                "cache": cache,
                "client": client,
            },
        )
    return response


class RequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        request.META["nashra.request_id"] = request_id(request.META)
        return finish(request, self.get_response(request), started)
