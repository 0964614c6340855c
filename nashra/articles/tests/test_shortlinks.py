"""Short share links /a/<id>/ (#18): readable canonical, short shared form.

The redirect itself is the feeds app's (nashra/feeds/tests/test_redirects.py
pins drafts, scheduled and private articles); these pin what #18 adds.
"""

import json
import re
from urllib.parse import quote

from django.test import TestCase
from wagtail.models import Site

from nashra.core.tests.factories import build_newspaper
from nashra.pagecache.tests.helpers import fresh_paper, reader, twice


class ShortLinkTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = fresh_paper()
        cls.article = cls.paper["articles"][0]
        cls.site = Site.objects.get(is_default_site=True)

    def test_short_link_redirects_permanently_to_the_readable_url(self):
        """Shared links must land on the one canonical, readable address."""
        response = reader().get(f"/a/{self.article.pk}/")
        self.assertEqual(response.status_code, 301)
        self.assertEqual(response["Location"], self.article.get_full_url())
        self.assertIn(quote("خبر"), response["Location"])

    def test_redirect_is_cacheable_and_replayed_from_the_page_cache(self):
        """A link pasted in a busy WhatsApp group must not reach the database."""
        first, second = twice(reader(), f"/a/{self.article.pk}/")
        self.assertIn("public", first["Cache-Control"])
        self.assertEqual(second["X-Cache"], "HIT")
        self.assertEqual(second.status_code, 301)
        self.assertEqual(second["Location"], first["Location"])

    def test_unpublishing_forgets_the_cached_redirect(self):
        """A withdrawn article must not stay reachable through its short form."""
        client = reader()
        url = f"/a/{self.article.pk}/"
        self.assertEqual(client.get(url).status_code, 301)
        with self.captureOnCommitCallbacks(execute=True):
            self.article.unpublish()
        self.assertEqual(client.get(url).status_code, 404)

    def assert_arabic_404(self, url):
        response = reader().get(url)
        self.assertEqual(response.status_code, 404)
        self.assertIn('lang="ar"', response.content.decode())
        self.assertNotIn("Location", response)

    def test_unknown_id_is_the_sites_404(self):
        self.assert_arabic_404("/a/999999/")

    def test_draft_is_the_sites_404(self):
        """A draft's short form must not leak its (future) slug and title."""
        draft = self.paper["articles"][1]
        draft.live = False
        draft.save(update_fields=["live"])
        self.assert_arabic_404(f"/a/{draft.pk}/")

    def test_a_section_or_the_home_is_not_an_article(self):
        self.assert_arabic_404(f"/a/{self.paper['world'].pk}/")
        self.assert_arabic_404(f"/a/{self.paper['home'].pk}/")

    def test_id_that_is_not_a_number_is_the_sites_404(self):
        self.assert_arabic_404("/a/abc/")


class SharedAddressTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=1)
        cls.article = cls.paper["articles"][0]

    def setUp(self):
        self.html = self.client.get(self.article.url).content.decode()
        self.short = f"http://localhost/a/{self.article.pk}/"

    def test_share_buttons_give_the_absolute_short_url(self):
        """Percent-encoded Arabic slugs look like spam once pasted (#18)."""
        encoded = quote(self.short, safe="")
        for link in ("https://wa.me/?text=", "https://t.me/share/url?url=",
                     "https://x.com/intent/post?url=",
                     "https://www.facebook.com/sharer/sharer.php?u="):  # fmt: skip
            hrefs = re.findall(r'href="(' + re.escape(link) + r'[^"]*)"', self.html)
            self.assertEqual(len(hrefs), 1, link)
            self.assertIn(encoded, hrefs[0])
            self.assertNotIn(quote(quote("خبر"), safe=""), hrefs[0])
        self.assertIn(f'data-share-url="{self.short}"', self.html)

    def test_canonical_and_json_ld_keep_the_readable_url(self):
        """Search engines index the readable address, never the redirect."""
        readable = self.article.get_full_url()
        self.assertIn(f'<link rel="canonical" href="{readable}">', self.html)
        blocks = re.findall(
            r'<script type="application/ld\+json">(.*?)</script>', self.html, re.S
        )
        text = json.dumps([json.loads(b) for b in blocks])
        self.assertIn(json.dumps(readable)[1:-1], text)
        self.assertNotIn("/a/", text)
