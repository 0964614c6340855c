"""The production WSGI application answers cache hits before Django (#8)."""

import io
import sys
from urllib.parse import unquote

from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import TestCase, override_settings

from nashra.pagecache.tests.helpers import fresh_paper, reader
from nashra.pagecache.wsgi import IN_FRONT, CacheFirstHandler, shortcut_allowed
from nashra.server import production


def environ(url, **extra):
    path, _, query = url.partition("?")
    return {
        "REQUEST_METHOD": "GET",
        # WSGI carries the path as bytes decoded as Latin-1 (PEP 3333).
        "PATH_INFO": unquote(path).encode().decode("latin-1"),
        "QUERY_STRING": query,
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        **extra,
    }


class CacheFirstTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = fresh_paper()
        cls.article = cls.paper["articles"][0]

    def setUp(self):
        self.handler = CacheFirstHandler()
        self.started = []
        request_started.connect(self.count, dispatch_uid="cache-first-test")
        self.addCleanup(request_started.disconnect, dispatch_uid="cache-first-test")

    def count(self, **kwargs):
        self.started.append(kwargs)

    def call(self, url, **extra):
        answer = {}

        def start_response(status, headers, exc_info=None):
            answer.update(status=status, headers=dict(headers))

        # As Django's test client does: the test's transaction must survive
        # the requests that go through Django's handler.
        for signal in (request_started, request_finished):
            signal.disconnect(close_old_connections)
        try:
            result = self.handler(environ(url, **extra), start_response)
            answer["body"] = b"".join(result)
            if hasattr(result, "close"):
                result.close()
        finally:
            for signal in (request_started, request_finished):
                signal.connect(close_old_connections)
        return answer

    def test_a_hit_never_reaches_djangos_handler(self):
        """Same page, same headers (the security ones included), no request
        signals: those look at every database connection on every request."""
        stored = reader().get(self.article.url)
        self.started.clear()
        answer = self.call(self.article.url)
        assert self.started == []
        assert answer["status"] == "200 OK"
        assert answer["body"] == stored.content
        headers = answer["headers"]
        assert headers["X-Cache"] == "HIT"
        assert headers["ETag"] == stored["ETag"]
        for name in ("X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"):
            assert headers[name] == stored[name], name

    def test_revalidation_and_head_are_answered_too(self):
        etag = reader().get(self.article.url)["ETag"]
        self.started.clear()
        assert self.call(self.article.url, HTTP_IF_NONE_MATCH=etag)["status"] == (
            "304 Not Modified"
        )
        head = self.call(self.article.url, REQUEST_METHOD="HEAD")
        assert head["status"] == "200 OK"
        assert head["body"] == b""
        assert self.started == []

    def test_cookies_misses_and_wordpress_links_go_through_django(self):
        """Anything the middleware decides with more than the URL is Django's."""
        reader().get(self.article.url)
        reader().get("/?p=1")
        self.started.clear()
        self.call(self.article.url, HTTP_COOKIE="sessionid=abc")
        self.call(self.paper["world"].url)
        self.call("/?p=1")
        assert len(self.started) == 3

    def test_other_middleware_in_front_turns_the_shortcut_off(self):
        """An added middleware may change any response: only Django knows how."""
        from django.conf import settings

        extra = ["django.middleware.gzip.GZipMiddleware", *settings.MIDDLEWARE]
        assert shortcut_allowed()
        with override_settings(MIDDLEWARE=extra):
            assert not shortcut_allowed()
        assert IN_FRONT == settings.MIDDLEWARE[: len(IN_FRONT)]

    def test_production_serves_this_application(self):
        arguments = production.gunicorn_arguments("127.0.0.1:8000", 2, 4)
        assert "nashra.pagecache.wsgi:application" in arguments
