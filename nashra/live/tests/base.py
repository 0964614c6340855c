"""A newspaper with a running live page, and the newsroom to write on it."""

import html
import json

from django.test import Client

from nashra.core import shared, versions
from nashra.live import tokens
from nashra.live.factories import create_live_page
from nashra.newsroom.tests.base import staff
from nashra.pagecache import entries
from nashra.pagecache.tests.helpers import fresh_paper


def readable(response):
    """The page's text without the bidi isolates wrapped around words."""
    text = html.unescape(response.content.decode())
    return "".join(c for c in text if c not in "\u2066\u2067\u2068\u2069")


def json_ld(response):
    """Every JSON-LD object of a page."""
    text = response.content.decode()
    found = []
    marker = '<script type="application/ld+json">'
    while marker in text:
        text = text.split(marker, 1)[1]
        block, text = text.split("</script>", 1)
        data = json.loads(block)
        found.extend(data.get("@graph", [data]))
    return found


class LiveDesk:
    @classmethod
    def setUpTestData(cls):
        cls.paper = fresh_paper()
        cls.world = cls.paper["world"]
        cls.live = create_live_page(
            cls.world, "مباشر: الانتخابات البلدية", slug="انتخابات-مباشر",
            summary="النتائج أولًا بأول.", authors=[cls.paper["author"]],
        )  # fmt: skip
        cls.editor = staff("nadia", "editor")
        cls.contributor = staff("samir", "contributor")
        cls.editor_token = tokens.create(cls.editor)
        cls.contributor_token = tokens.create(cls.contributor)

    def setUp(self):
        # Rows roll back between tests; cached copies of them must go too.
        versions.reset_store()
        entries.reset()
        shared.reset()

    def post(self, body, token=None, page=None):
        headers = {}
        if token is not None:
            headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
        page_id = (page or self.live).pk
        raw = body if isinstance(body, bytes | str) else json.dumps(body)
        return Client().post(
            f"/api/v1/live/{page_id}/entries/", raw, "application/json", **headers
        )
