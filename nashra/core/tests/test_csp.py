"""Content-Security-Policy on reader pages and the admin (#17).

No page had a policy, so one unescaped string anywhere would have run as
script. Reader pages allow the site's own inline blocks by hash only; the
page cache replays the header with the body it was computed for.
"""

import re

from django.contrib.auth import get_user_model
from django.test import TestCase, override_settings

from nashra.core import csp
from nashra.core.tests.factories import build_newspaper

INLINE = re.compile(r"<(script|style)(\s[^>]*)?>(.*?)</\1>", re.DOTALL)


def directives(response):
    found = {}
    for part in response[csp.HEADER].split(";"):
        name, *sources = part.split()
        found[name] = sources
    return found


def inline_blocks(body):
    """(kind, text) of every inline block a browser would run or apply."""
    for kind, attributes, text in INLINE.findall(body):
        attributes = attributes or ""
        if "src=" in attributes or "application/ld+json" in attributes:
            continue
        yield kind, text


@override_settings(PAGE_CACHE=True)
class ReaderPolicyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=1)
        cls.article = cls.paper["articles"][0]

    def urls(self):
        return ["/", self.article.url, self.paper["world"].url, "/search/?q=خبر",
                "/no-such-page/"]  # fmt: skip

    def test_every_inline_block_is_allowed_by_its_hash_and_nothing_else(self):
        for url in self.urls():
            response = self.client.get(url)
            with self.subTest(url=url):
                policy = directives(response)
                body = response.content.decode()
                blocks = list(inline_blocks(body))
                self.assertTrue(blocks)
                for kind, text in blocks:
                    self.assertIn(csp.source_hash(text), policy[f"{kind}-src"])
                for name in ("script-src", "style-src", "default-src"):
                    self.assertNotIn("'unsafe-inline'", policy[name])
                    self.assertNotIn("'unsafe-eval'", policy[name])
                self.assertEqual(policy["object-src"], ["'none'"])
                self.assertEqual(policy["base-uri"], ["'self'"])
                self.assertEqual(policy["frame-ancestors"], ["'self'"])
                self.assertIn("camera=()", response["Permissions-Policy"])

    def test_no_inline_event_handlers(self):
        """An onclick= can never be allowed by a hash: none may be written."""
        for url in self.urls():
            body = self.client.get(url).content.decode()
            with self.subTest(url=url):
                self.assertIsNone(re.search(r"<[^>]+\son[a-z]+\s*=", body))

    def test_a_cached_page_replays_the_policy_of_its_body(self):
        first = self.client.get(self.article.url)
        again = self.client.get(self.article.url)
        self.assertEqual(again["X-Cache"], "HIT")
        self.assertEqual(again[csp.HEADER], first[csp.HEADER])
        self.assertEqual(again.content, first.content)

    @override_settings(
        CSP_EXTRA_SOURCES={
            "script-src": ["https://ads.example"],
            "frame-src": ["https://player.example"],
            "img-src": ["https://pixel.example"],
            "connect-src": ["https://beacon.example"],
        }
    )
    def test_a_newsroom_adds_its_ad_and_embed_hosts(self):
        policy = directives(self.client.get("/"))
        self.assertIn("https://ads.example", policy["script-src"])
        self.assertIn("https://player.example", policy["frame-src"])
        self.assertIn("https://pixel.example", policy["img-src"])
        self.assertIn("https://beacon.example", policy["connect-src"])
        self.assertNotIn("https://ads.example", policy["style-src"])

    @override_settings(MEDIA_URL="https://media.cdn.example/")
    def test_media_on_another_host_is_allowed_as_images(self):
        self.assertIn(
            "https://media.cdn.example", directives(self.client.get("/"))["img-src"]
        )

    def test_json_and_feeds_are_left_alone(self):
        self.assertNotIn(csp.HEADER, self.client.get("/api/v1/articles/"))
        self.assertNotIn(csp.HEADER, self.client.get("/feeds/rss/"))


class AdminPolicyTests(TestCase):
    def test_the_admin_gets_its_own_policy(self):
        get_user_model().objects.create_superuser("rania", "r@example.com", "pw")
        self.client.login(username="rania", password="pw")
        response = self.client.get("/admin/")
        self.assertEqual(response[csp.HEADER], csp.render(csp.ADMIN))
        policy = directives(response)
        self.assertEqual(policy["object-src"], ["'none'"])
        self.assertEqual(policy["frame-ancestors"], ["'self'"])
        self.assertNotIn("'unsafe-eval'", policy["script-src"])
