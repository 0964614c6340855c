"""`import-wordpress --site` with an application password reads drafts (#21).

Against a loopback server of the test's own that answers as WordPress 6's
REST API does: drafts only for an authenticated `context=edit` request."""

import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from django.test import TestCase

from nashra.articles.models import ArticlePage
from nashra.importers.site.sync import SiteSync

GOOD = "Basic " + base64.b64encode(b"editor:abcd efgh").decode()
PUBLISHED = {"id": 5, "status": "publish", "title": {"raw": "منشور", "rendered": "منشور"},
             "content": {"raw": "<p>نص</p>", "rendered": "<p>نص</p>"}, "slug": "published"}  # fmt: skip
DRAFT = {"id": 6, "status": "draft", "title": {"raw": "مسودة", "rendered": "مسودة"},
         "content": {"raw": "<p>لم ينشر</p>", "rendered": "<p>لم ينشر</p>"}, "slug": "draft"}  # fmt: skip
COMMON = {"date": "2025-06-01T12:00:00", "date_gmt": "2025-06-01T09:00:00",
          "modified_gmt": "2025-06-01T09:00:00", "excerpt": {"rendered": ""},
          "author": 1, "categories": [], "tags": [], "link": ""}  # fmt: skip


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def _json(self, status, data):
        body = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-WP-TotalPages", "1")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        authed = self.headers.get("Authorization") == GOOD
        if parts.path == "/wp-json/":
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            self._json(
                200,
                {"name": "موقع", "url": base, "home": base, "namespaces": ["wp/v2"]},
            )
        elif parts.path == "/wp-json/wp/v2/users/me":
            self._json(200 if authed else 401, {"id": 1})
        elif parts.path == "/wp-json/wp/v2/posts":
            statuses = query.get("status", "publish").split(",")
            if statuses != ["publish"] and not authed:
                self._json(400, {"code": "rest_invalid_param"})
                return
            posts = [p for p in (PUBLISHED, DRAFT) if p["status"] in statuses]
            if "include" in query:
                wanted = {int(i) for i in query["include"].split(",")}
                posts = [p for p in posts if p["id"] in wanted]
            edit = authed and query.get("context") == "edit"
            self._json(200, [{**COMMON, **p, "link": f"/?p={p['id']}",
                              "title": p["title"] if edit else {"rendered": p["title"]["rendered"]}}
                             for p in posts])  # fmt: skip
        elif parts.path.startswith("/wp-json/wp/v2/"):
            self._json(200, [])
        else:
            self._json(404, {"code": "rest_no_route"})


class WithPassword(TestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        cls.url = f"http://127.0.0.1:{cls.server.server_address[1]}/"
        threading.Thread(target=cls.server.serve_forever, daemon=True).start()
        cls.addClassCleanup(cls.server.server_close)
        cls.addClassCleanup(cls.server.shutdown)

    def test_without_a_password_only_what_is_published(self):
        report = SiteSync(self.url).execute()
        self.assertEqual(report.counts["posts"]["created"], 1)
        self.assertEqual(ArticlePage.objects.get().title, "منشور")

    def test_with_a_password_drafts_come_as_drafts(self):
        report = SiteSync(self.url, user="editor", password="abcd efgh").execute()
        self.assertEqual(report.counts["posts"]["created"], 2)
        draft = ArticlePage.objects.get(title="مسودة")
        self.assertFalse(draft.live)
        self.assertTrue(ArticlePage.objects.get(title="منشور").live)
        # Run again: the draft is still listed, so it is not taken for deleted.
        again = SiteSync(self.url, user="editor", password="abcd efgh").execute()
        self.assertEqual(again.counts["posts"]["created"], 0)
        self.assertFalse(again.problem_count)
