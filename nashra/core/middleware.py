from nashra.core.views import page_not_found


class RejectNulMiddleware:
    """Answer 404 to a NUL character in the path (#2).

    PostgreSQL refuses NUL in text, so `/tag/a%00b/` would otherwise reach a
    lookup and end as a 500; no address of the site contains one. Query
    values are each view's to validate (the API answers 422, listings ignore
    a junk ?page=).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The API answers in JSON with its own 422 (#6).
        if "\x00" in request.path and not request.path.startswith("/api/"):
            return page_not_found(request)
        return self.get_response(request)
