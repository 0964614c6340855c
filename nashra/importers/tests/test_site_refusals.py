"""`import-wordpress --site` refuses, in one line and exit 2, what it cannot
read (#21): an address that is not a WordPress, a WordPress that needs a
password, an application password that is wrong. Against a small loopback
server of the test's own, answering as WordPress 6 does."""

import base64
import io
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.test import SimpleTestCase, override_settings

from nashra.importers.site.client import SiteError, WordPressSite

pytestmark = pytest.mark.same_on_every_database

INDEX = {"name": "موقع", "url": "", "home": "", "namespaces": ["oembed/1.0", "wp/v2"]}
GOOD = "Basic " + base64.b64encode(b"editor:abcd efgh ijkl mnop qrst uvwx").decode()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def _json(self, status, data):
        body = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        site, _, rest = self.path.lstrip("/").partition("/")
        auth = self.headers.get("Authorization")
        if site == "blog":
            # An ordinary web site: HTML everywhere, a 404 for /wp-json/.
            body = b"<!doctype html><title>blog</title>"
            self.send_response(404 if rest.startswith("wp-json") else 200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        if auth and auth != GOOD:
            # WordPress checks a Basic header on every REST request.
            self._json(401, {"code": "incorrect_password", "message": "wrong",
                             "data": {"status": 401}})  # fmt: skip
            return
        if rest in ("wp-json/", "wp-json"):
            self._json(200, INDEX)
        elif rest.startswith("wp-json/wp/v2/users/me"):
            self._json(
                200 if auth else 401,
                {"id": 2} if auth else {"code": "rest_not_logged_in"},
            )
        elif rest.startswith("wp-json/wp/v2/posts") and site == "locked" and not auth:
            # A members-only site (a "force login" plugin): 401 for readers.
            self._json(401, {"code": "rest_login_required", "data": {"status": 401}})
        elif rest.startswith("wp-json/wp/v2/"):
            self._json(200, [])
        else:
            self._json(404, {"code": "rest_no_route"})


class Refusals(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        cls.base = f"http://127.0.0.1:{cls.server.server_address[1]}"
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()
        cls.addClassCleanup(cls.server.server_close)
        cls.addClassCleanup(cls.server.shutdown)

    def refused(self, path: str) -> str:
        err = io.StringIO()
        with pytest.raises(SystemExit) as caught:
            call_command("import_wordpress", site=self.base + path, stderr=err)
        self.assertEqual(caught.value.code, 2)
        line = err.getvalue().strip()
        self.assertNotIn("\n", line)
        return line

    def test_an_address_that_is_not_wordpress(self):
        line = self.refused("/blog/")
        self.assertIn("is not a WordPress site", line)
        self.assertIn("ليس موقع ووردبريس", line)

    def test_a_wordpress_that_needs_a_password(self):
        line = self.refused("/locked/")
        self.assertIn("needs a login", line)
        self.assertIn("NASHRA_WP_APP_PASSWORD", line)
        self.assertIn("كلمة مرور تطبيق", line)

    @override_settings(WORDPRESS_USER="editor", WORDPRESS_APP_PASSWORD="not the one")
    def test_a_wrong_application_password(self):
        line = self.refused("/open/")
        self.assertIn("refused the application password", line)
        self.assertIn("رفض موقع ووردبريس هذا كلمة مرور التطبيق", line)
        self.assertNotIn("not the one", line)

    def test_the_right_password_is_let_in(self):
        site = WordPressSite(
            self.base + "/locked/", "editor", "abcd efgh ijkl mnop qrst uvwx"
        )
        self.assertIn("wp/v2", site.connect()["namespaces"])
        with pytest.raises(SiteError) as caught:
            WordPressSite(self.base + "/locked/").connect()
        self.assertEqual(caught.value.kind, "needs_password")

    def test_an_address_nobody_answers(self):
        self.server_port_closed = self.base.rsplit(":", 1)[0] + ":9"
        with pytest.raises(SiteError) as caught:
            WordPressSite(self.server_port_closed, timeout=2).connect()
        self.assertEqual(caught.value.kind, "unreachable")

    def test_export_or_site_not_both(self):
        err = io.StringIO()
        with pytest.raises(SystemExit):
            call_command("import_wordpress", stderr=err)
        self.assertIn("export file or --site", err.getvalue())
