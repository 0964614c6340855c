"""Walk every public URL of a test newspaper and look for what must never be published.

Starts from the home page and the known machine endpoints (feeds, sitemaps,
robots.txt, API), follows every same-site link found in HTML, sitemaps, feeds
and API answers, and fails if any body contains a commenter's e-mail or IP, a
draft's title, a scheduled article's title or a pending comment (#6).
"""

import json
import re
from collections import deque
from html import unescape
from urllib.parse import unquote, urlsplit

from django.test import TestCase

from nashra.feeds.tests.helpers import (
    COMMENTER_EMAIL,
    COMMENTER_IP,
    DRAFT_TITLE,
    PENDING_BODY,
    SCHEDULED_TITLE,
    add_comments,
    body,
    newspaper_with_secrets,
)

SECRETS = (COMMENTER_EMAIL, COMMENTER_IP, DRAFT_TITLE, SCHEDULED_TITLE, PENDING_BODY)
LINK = re.compile(
    r"""(?:href|src|url|loc)["'=:>\s]+["']?(https?://localhost[^"'<\s]*|/[^"'<\s]*)"""
)
SKIP = ("/admin/", "/static/", "/media/", "/documents/")
LIMIT = 400


def _local(link):
    parts = urlsplit(unescape(link))
    if parts.netloc not in {"", "localhost", "testserver"}:
        return None
    if not parts.path.startswith("/") or parts.path.startswith("//"):
        return None
    if parts.path.startswith(SKIP):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


class PublicWalkTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = newspaper_with_secrets(articles_per_section=2)
        for article in (cls.paper["articles"][0], cls.paper["articles"][1],
                        cls.paper["draft"]):  # fmt: skip
            add_comments(article)

    def start_urls(self):
        article = self.paper["articles"][0]
        api = ["/api/v1/openapi.json", "/api/v1/articles/?page_size=100",
               "/api/v1/sections/", "/api/v1/authors/", "/api/v1/tags/?page_size=100",
               "/api/v1/images/"]  # fmt: skip
        api += [f"/api/v1/articles/{a.pk}/" for a in self.paper["articles"]]
        feeds = ["/feeds/rss/", "/feeds/atom/",
                 f"/feeds/comments/{article.pk}/rss/", f"/feeds/comments/{article.pk}/atom/"]  # fmt: skip
        return ["/", "/robots.txt", "/sitemap.xml", "/sitemaps/news.xml", *feeds, *api]

    def test_no_secret_in_any_public_response(self):
        """E-mails, IPs, drafts and scheduled stories must never reach a reader or crawler."""
        queue = deque(self.start_urls())
        seen = set(queue)
        statuses = {}
        while queue and len(seen) < LIMIT:
            url = queue.popleft()
            response = self.client.get(url)
            statuses[url] = response.status_code
            if response.status_code in (301, 302):
                target = _local(response["Location"])
                if target and target not in seen:
                    seen.add(target)
                    queue.append(target)
                continue
            text = body(response).decode("utf-8", errors="replace")
            readable = unquote(unescape(text))
            if response["Content-Type"].startswith("application/json"):
                readable += json.dumps(json.loads(text), ensure_ascii=False)
            for secret in SECRETS:
                self.assertNotIn(secret, readable, f"{secret!r} leaked at {url}")
            for link in LINK.findall(text.replace("\\/", "/")):
                target = _local(link)
                if target and target not in seen:
                    seen.add(target)
                    queue.append(target)
        errors = {url: code for url, code in statuses.items() if code >= 500}
        self.assertEqual(errors, {})
        walked = set(statuses)
        # The walk really reached articles, sections, tags, authors and feeds.
        for expected in (
            "/a/",
            "/tag/",
            "/author/",
            "/feeds/section/",
            "/sitemaps/articles-1.xml",
        ):
            self.assertTrue(any(expected in url for url in walked), expected)
        self.assertGreater(len(walked), 40)
        for article in self.paper["articles"]:
            self.assertIn(unquote(article.url), {unquote(u) for u in walked})
