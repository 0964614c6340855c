"""Byte ranges for files Django serves itself (#20).

A browser seeks in an audio or video story by asking for a byte range;
served whole, the file plays from its start only (Safari refuses to play it
at all). Wagtail's document view and Django's static ``serve`` answer with a
``FileResponse`` of the whole file: ``ranged`` wraps such a view and answers
a single ``Range: bytes=…`` with 206 and its ``Content-Range``, a range past
the end with 416, and anything else (several ranges, a malformed header, an
``If-Range`` that no longer matches) with the whole file, as RFC 9110 §14.2
allows.
"""

import functools
import re

from django.http import FileResponse, HttpResponse, StreamingHttpResponse

CHUNK = 64 * 1024
_ONE_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def parse(header, size):
    """(start, end) inclusive for a one-range header; None to send the whole
    file; "unsatisfiable" for a range that starts past the end."""
    found = _ONE_RANGE.match(header.replace(" ", ""))
    if found is None:
        return None
    first, last = found.groups()
    if not first and not last:
        return None
    if not first:  # "bytes=-500": the last 500 bytes
        length = int(last)
        if length == 0:
            return "unsatisfiable"
        return max(size - length, 0), size - 1
    start = int(first)
    end = int(last) if last else size - 1
    if last and end < start:
        return None
    if start >= size:
        return "unsatisfiable"
    return start, min(end, size - 1)


def _still_valid(request, response):
    """If-Range: the range applies only to the version the reader holds."""
    validator = request.headers.get("If-Range")
    if not validator:
        return True
    return validator in {response.get("ETag"), response.get("Last-Modified")}


def _part(handle, start, end):
    try:
        handle.seek(start)
        left = end - start + 1
        while left > 0:
            chunk = handle.read(min(CHUNK, left))
            if not chunk:
                break
            left -= len(chunk)
            yield chunk
    finally:
        handle.close()


def _size(response):
    length = response.get("Content-Length")
    if length and length.isdigit():
        return int(length)
    return None


def answer(request, response):
    """``response`` (a whole file) turned into what ``request`` asked for."""
    if not isinstance(response, FileResponse) or response.status_code != 200:
        return response
    size = _size(response)
    if size is None:
        return response
    response["Accept-Ranges"] = "bytes"
    header = request.headers.get("Range")
    if request.method != "GET" or not header or not _still_valid(request, response):
        return response
    wanted = parse(header, size)
    if wanted is None:
        return response
    handle = response.file_to_stream
    if wanted == "unsatisfiable":
        # The file only: response.close() would announce the request finished.
        handle.close()
        refused = HttpResponse(status=416)
        refused["Content-Range"] = f"bytes */{size}"
        refused["Accept-Ranges"] = "bytes"
        return refused
    start, end = wanted
    partial = StreamingHttpResponse(
        _part(handle, start, end),
        status=206,
        content_type=response["Content-Type"],
    )
    for name, value in response.items():
        if name.lower() not in {"content-length", "content-type"}:
            partial[name] = value
    partial._resource_closers.append(handle.close)  # never streamed (HEAD)
    partial["Content-Range"] = f"bytes {start}-{end}/{size}"
    partial["Content-Length"] = str(end - start + 1)
    return partial


def ranged(view):
    """``view`` answering byte ranges (see the module's docstring)."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        return answer(request, view(request, *args, **kwargs))

    return wrapped
