from django.http import QueryDict

from nashra.core.views import bad_request


class RejectNulMiddleware:
    """Answer 400 to a NUL character in the path or the query (#2).

    PostgreSQL refuses NUL in text, so `/tag/a%00b/` would otherwise reach a
    query and end as a 500; no real address or search contains one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.META.get("QUERY_STRING", "")
        if "\x00" in request.path or (
            "%00" in query and any("\x00" in value for value in _values(query))
        ):
            return bad_request(request)
        return self.get_response(request)


def _values(query):
    parsed = QueryDict(query)
    for key in parsed:
        yield key
        yield from parsed.getlist(key)
