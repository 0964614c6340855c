"""Ad slots on reader pages (#20): where they show, what they reserve, what
the security policy lets them load, and that a page without slots carries
no ad markup at all."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from nashra.ads.models import AdSlot
from nashra.ads.tests.factories import INLINE, every_slot, house, network
from nashra.articles.factories import create_article, paragraph
from nashra.core.tests.factories import build_newspaper

PLACEMENTS_ON_ARTICLES = ["top", "under-title", "in-body", "side", "phone-footer"]


def queries(client, url):
    with CaptureQueriesContext(connection) as found:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(found)


class NoSlotsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=1)

    def test_no_slot_configured_means_no_ad_markup(self):
        """A newsroom that sells no ads serves pages without a byte of ads."""
        for url in ("/", self.paper["world"].url, self.paper["articles"][0].url):
            html = self.client.get(url).content.decode()
            self.assertNotIn("data-ad-slot", html, url)
            self.assertNotIn("ads.js", html, url)
            self.assertNotIn("ad-slot", html, url)


class SlotTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=2)
        cls.long = create_article(
            cls.paper["world"], "مقال طويل", slug="مقال-طويل",
            body=[paragraph(f"فقرة {w}") for w in ("أولى", "ثانية", "ثالثة", "رابعة")],
        )  # fmt: skip
        cls.slots = every_slot(cls.paper["image"])

    def get(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return response, response.content.decode()

    def test_every_article_placement_shows_with_its_reserved_size(self):
        _, html = self.get(self.long.url)
        for name in PLACEMENTS_ON_ARTICLES:
            self.assertIn(f'data-ad-slot="{name}"', html)
        self.assertNotIn('data-ad-slot="between"', html)
        # The box's size is in the page's first bytes, before any ad loads.
        self.assertIn('[data-ad-slot="top"] .ad-slot__box{aspect-ratio:728/90}', html)
        self.assertIn(
            '[data-ad-slot="under-title"] .ad-slot__box{block-size:250px}', html
        )
        self.assertIn('width="728" height="90"', html)
        self.assertIn('rel="sponsored noopener"', html)
        # Named for site.js to fetch after the load event, not a script tag
        # fetched beside the lead picture (article LCP 1.51 → 1.45 s, #12).
        self.assertRegex(html, r'<span hidden data-ads-script="[^"]*ads/ads[^"]*\.js">')
        self.assertNotRegex(html, r"<script[^>]*ads/ads")

    def test_in_body_slot_follows_its_paragraph(self):
        _, html = self.get(self.long.url)
        body = html[html.index('class="article__body"') :]
        slot = body.index(' data-ad-slot="in-body"')
        self.assertLess(body.index("فقرة أولى"), slot)
        self.assertLess(slot, body.index("فقرة ثانية"))
        self.assertEqual(body.count(' data-ad-slot="in-body"'), 1)

    def test_network_code_waits_in_a_template_for_the_page_to_load(self):
        """Ad code parsed with the page would run before the page's own content."""
        _, html = self.get(self.long.url)
        start = html.index('data-ad-slot="under-title"')
        self.assertIn("<template data-ad-code>", html[start : start + 2000])

    def test_the_codes_hosts_and_inline_script_are_in_the_policy(self):
        response, _ = self.get(self.long.url)
        policy = response["Content-Security-Policy"]
        script_src = next(p for p in policy.split("; ") if p.startswith("script-src"))
        self.assertIn("https://ads.example-network.test", script_src)
        self.assertIn("https://cdn.example-network.test", script_src)
        from nashra.ads.placing import inline_scripts

        self.assertIn(inline_scripts(f"<script>{INLINE}</script>")[0], script_src)
        self.assertNotIn("unsafe-inline", policy)

    def test_pages_without_code_slots_keep_the_plain_policy(self):
        AdSlot.objects.filter(kind="code").update(live=False)
        response, _ = self.get(self.long.url)
        self.assertNotIn("example-network", response["Content-Security-Policy"])

    def test_home_page_slot_between_its_blocks(self):
        _, html = self.get("/")
        self.assertEqual(html.count(' data-ad-slot="between"'), 1)
        self.assertNotIn('data-ad-slot="under-title"', html)

    def test_a_house_ad_offers_its_picture_at_one_and_two_times_its_size(self):
        """A phone takes the small file, and only after the page's own pictures."""
        house("sized", "header", self.paper["image"])
        _, html = self.get("/")
        start = html.index('data-ad-slot="sized"')
        img = html[
            html.index("<img", start) : html.index(">", html.index("<img", start))
        ]
        self.assertRegex(img, r'srcset="\S+\.webp 728w, \S+\.webp 1456w"')
        self.assertIn('sizes="(max-width: 728px) 100vw, 728px"', img)
        self.assertIn('fetchpriority="low"', img)
        # Shown by ads.js after the load event; a reader without scripts gets it too.
        self.assertIn("<template data-ad-code><a href", html[start:])
        self.assertIn("<noscript><a href", html[start:])

    def test_slot_limited_to_a_section(self):
        slot = house("culture-only", "header", self.paper["image"])
        slot.sections.set([self.paper["culture"]])
        slot.save()
        culture_article = next(
            a
            for a in self.paper["articles"]
            if a.section_id == self.paper["culture"].pk
        )
        for url, shown in ((culture_article.url, True), (self.paper["culture"].url, True),
                           (self.long.url, False), ("/", False)):  # fmt: skip
            _, html = self.get(url)
            self.assertEqual('data-ad-slot="culture-only"' in html, shown, url)

    def test_an_article_switched_off_shows_no_slot_at_all(self):
        """A tragedy is not sold next to an ad, not even the header's."""
        self.long.show_ads = False
        self.long.save_revision().publish()
        _, html = self.get(self.long.url)
        self.assertNotIn("data-ad-slot", html)
        self.assertNotIn("ads.js", html)

    def test_house_ad_runs_between_its_dates(self):
        now = timezone.now()
        AdSlot.objects.filter(name="top").update(
            ends_at=now - timezone.timedelta(hours=1)
        )
        AdSlot.objects.get(name="side").save()  # a save drops the cached slots
        _, html = self.get(self.long.url)
        self.assertNotIn('data-ad-slot="top"', html)
        self.assertIn('data-ad-slot="side"', html)

    def test_a_new_slot_shows_at_once(self):
        self.get(self.long.url)
        network("late", "sidebar")
        _, html = self.get(self.long.url)
        self.assertIn('data-ad-slot="late"', html)

    def test_slots_cost_no_query_that_grows_with_content(self):
        """One cached read of every slot, however many slots, paragraphs or blocks."""
        urls = ["/", self.paper["world"].url, self.long.url]
        for url in urls:
            queries(self.client, url)
        before = {url: queries(self.client, url) for url in urls}
        for index in range(4):
            house(f"more-{index}", "in_body", self.paper["image"], position=index + 1)
            network(f"between-{index}", "between_blocks", position=index + 2)
        for url in urls:
            queries(self.client, url)
        self.assertEqual(before, {url: queries(self.client, url) for url in urls})
