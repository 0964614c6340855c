"""The Wagtail request attributes core/routing.py and core/sites.py set (#8, #13).

Both modules save queries by filling the caches Wagtail keeps on the
request (`_wagtail_site`, `_wagtail_cached_site_root_paths`,
`_wagtail_route_for_request`). They are Wagtail internals: these tests fail
when an upgrade stops reading them, and the saved queries would silently
come back (or the fast route be ignored).
"""

import inspect

from django.test import RequestFactory, TestCase
from wagtail.models import Page, Site

from nashra.core import routing, sites
from nashra.core.tests.factories import build_newspaper


class WagtailRequestCacheTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=1)

    def request(self):
        return RequestFactory().get("/", HTTP_HOST="localhost")

    def test_wagtail_reads_the_site_set_on_the_request(self):
        request = self.request()
        site = sites.remember_site(request)
        assert site == Site.objects.get(is_default_site=True)
        assert request._wagtail_site is site
        with self.assertNumQueries(0):
            assert Site.find_for_request(request) is site
        # The private lookup remember_site() caches, and Django's raw host.
        assert list(inspect.signature(Site._find_for_request).parameters) == ["request"]
        assert request._get_raw_host() == "localhost"

    def test_wagtail_reads_the_root_paths_set_on_the_request(self):
        request = self.request()
        sites.remember_site(request)
        article = Page.objects.filter(depth=4).first().specific
        routing.fast_route(request, article.url_path.removeprefix("/home"))
        assert request._wagtail_cached_site_root_paths
        with self.assertNumQueries(0):
            assert article.get_url(request) == article.url
            assert article._get_site_root_paths(request) is (
                request._wagtail_cached_site_root_paths
            )

    def test_wagtail_takes_the_route_set_on_the_request(self):
        request = self.request()
        sites.remember_site(request)
        article = Page.objects.filter(depth=4).first().specific
        found = routing.fast_route(request, article.url_path.removeprefix("/home"))
        assert found.page.pk == article.pk
        request._wagtail_route_for_request = found
        with self.assertNumQueries(0):
            assert Page.route_for_request(request, article.url) is found
