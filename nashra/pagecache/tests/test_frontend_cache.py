"""A CDN purged by URL through Wagtail's frontend-cache module (#16).

A loopback HTTP server stands for the cache and records the PURGE requests
Wagtail's HTTPBackend sends it; Redis is a redis-server of the test's own.
The Cloudflare and CloudFront backends are configured from the environment
as settings.py does.
"""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, TransactionTestCase, override_settings
from wagtail.contrib.frontend_cache.backends import (
    CloudflareBackend,
    CloudfrontBackend,
    HTTPBackend,
)
from wagtail.contrib.frontend_cache.utils import get_backends

from nashra.core.tests import redis_server
from nashra.core.tests.factories import build_newspaper
from nashra.settings import frontend_cache


class Recorder(BaseHTTPRequestHandler):
    def do_PURGE(self):
        self.server.purged.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.mark.skipif(not redis_server.AVAILABLE, reason="redis-server is not installed")
class CDNPurgeTests(TransactionTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.redis = redis_server.RedisServer()
        cls.cache = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
        cls.cache.purged = []
        threading.Thread(target=cls.cache.serve_forever, daemon=True).start()

    @classmethod
    def tearDownClass(cls):
        cls.cache.shutdown()
        cls.cache.server_close()
        cls.redis.stop()
        super().tearDownClass()

    def setUp(self):
        location = f"http://127.0.0.1:{self.cache.server_address[1]}"
        redis_server.use_redis(
            self,
            self.redis,
            WAGTAILFRONTENDCACHE={
                "http0": {
                    "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                    "LOCATION": location,
                }
            },
        )
        self.cache.purged.clear()
        self.paper = build_newspaper(articles_per_section=1)

    def test_a_correction_purges_each_page_built_from_it_once(self):
        changed, other = self.paper["articles"][:2]
        reader = Client()
        for url in (changed.url, changed.url + "?page=2", other.url, "/"):
            self.assertEqual(reader.get(url).status_code, 200)
        self.cache.purged.clear()

        changed.title = "عنوان مصحح"
        changed.save_revision().publish()

        paths = [path for _host, path in self.cache.purged]
        self.assertEqual(len(paths), len(set(paths)), "a URL was purged twice")
        self.assertIn(changed.url, paths)
        self.assertIn("/", paths)  # the home page lists it
        self.assertLessEqual(
            set(paths), {changed.url, changed.url + "?page=2", other.url, "/"}
        )
        self.assertEqual({host for host, _path in self.cache.purged}, {"testserver"})

        # Served again after the purge: the next change purges it again.
        self.cache.purged.clear()
        Client().get(changed.url)
        changed.title = "عنوان مصحح مرة ثانية"
        changed.save_revision().publish()
        self.assertEqual([path for _host, path in self.cache.purged], [changed.url])

    def test_nothing_is_purged_without_a_frontend_cache(self):
        with override_settings(WAGTAILFRONTENDCACHE={}):
            article = self.paper["articles"][0]
            Client().get(article.url)
            article.save_revision().publish()
        self.assertEqual(self.cache.purged, [])


def test_cloudflare_is_configured_from_the_environment(monkeypatch):
    monkeypatch.setenv("NASHRA_CLOUDFLARE_ZONE_ID", "zone-123")
    monkeypatch.setenv("NASHRA_CLOUDFLARE_API_TOKEN", "token-abc")
    backend = get_backends(frontend_cache("cloudflare"))["cloudflare"]
    assert isinstance(backend, CloudflareBackend)
    assert backend.cloudflare_zoneid == "zone-123"
    assert backend.cloudflare_token == "token-abc"
    assert "zones/zone-123/purge_cache" in backend.cloudflare_purge_endpoint_url


def test_cloudfront_and_http_are_configured_from_the_environment(monkeypatch):
    monkeypatch.setenv("NASHRA_CLOUDFRONT_DISTRIBUTION_ID", "E123")
    backend = get_backends(frontend_cache("cloudfront"))["cloudfront"]
    assert isinstance(backend, CloudfrontBackend)
    monkeypatch.setenv(
        "NASHRA_FRONTEND_CACHE_URLS", "http://10.0.0.5:6081,http://10.0.0.6"
    )
    backends = get_backends(frontend_cache("http"))
    assert sorted(backends) == ["http0", "http1"]
    assert all(isinstance(b, HTTPBackend) for b in backends.values())
    assert backends["http1"].cache_netloc == "10.0.0.6"


def test_a_frontend_cache_without_its_keys_is_refused(monkeypatch):
    monkeypatch.delenv("NASHRA_CLOUDFLARE_API_TOKEN", raising=False)
    with pytest.raises(ImproperlyConfigured):
        frontend_cache("cloudflare")
    with pytest.raises(ImproperlyConfigured):
        frontend_cache("akamai")
    assert frontend_cache("") == {}
