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


class SiteMiddleware:
    """Find the request's Wagtail Site from the cache, not with a query (#8).

    Wagtail keeps the Site it finds on the request; this sets it first, from
    the shared cache under the page cache's "site" version, which saving a
    Site or publishing any page other than an article bumps (the root page
    travels with the Site). Every later Site.find_for_request() reads it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from nashra.core.sites import remember_site

        remember_site(request)
        return self.get_response(request)
