import json
from datetime import timedelta
from urllib.parse import quote

from django.contrib.auth import get_user_model
from django.test import TestCase, override_settings
from django.utils import timezone

from nashra.articles.factories import create_article, create_author
from nashra.feeds.tests.helpers import (
    COMMENTER_EMAIL,
    COMMENTER_IP,
    DRAFT_TAG,
    DRAFT_TITLE,
    SCHEDULED_TITLE,
    add_comments,
    newspaper_with_secrets,
)

STAFF_EMAIL = "staff-only-8812@nashra.example"
FORBIDDEN_KEYS = {"email", "ip", "user", "user_id", "owner", "latest_revision",
                  "live_revision", "draft_title", "locked", "locked_by",
                  "has_unpublished_changes", "spam_score"}  # fmt: skip


def keys(data):
    if isinstance(data, dict):
        for key, value in data.items():
            yield key
            yield from keys(value)
    elif isinstance(data, list):
        for value in data:
            yield from keys(value)


# Query counts and option changes are about this code, not the page cache (#8).
@override_settings(PAGE_CACHE=False)
class ApiTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = newspaper_with_secrets(articles_per_section=2)
        staff = get_user_model().objects.create_user(
            "salma-staff", email=STAFF_EMAIL, password="x"
        )
        cls.paper["author"].user = staff
        cls.paper["author"].save()
        cls.other = create_author("كاتب آخر", "other-writer")
        cls.old = create_article(
            cls.paper["world"], "خبر قديم جدا", slug="old-one", authors=[cls.other],
            tags=["اقتصاد"], published_at=timezone.now() - timedelta(days=10),
        )  # fmt: skip
        add_comments(cls.paper["articles"][0])

    def get(self, url, status=200):
        response = self.client.get(url)
        self.assertEqual(response.status_code, status, (url, response.content))
        self.assertEqual(response["Content-Type"], "application/json; charset=utf-8")
        return json.loads(response.content)

    def ids(self, url):
        return {item["id"] for item in self.get(url)["results"]}

    def test_articles_list_only_published_ones(self):
        expected = {a.pk for a in self.paper["articles"]} | {self.old.pk}
        self.assertEqual(self.ids("/api/v1/articles/"), expected)

    def test_filter_by_section(self):
        world = {
            a.pk
            for a in self.paper["articles"]
            if a.section_id == self.paper["world"].pk
        }
        got = self.ids(f"/api/v1/articles/?section={self.paper['world'].pk}")
        self.assertEqual(got, world | {self.old.pk})
        self.get("/api/v1/articles/?section=999999", status=404)
        # Found by schemathesis: past 64 bits the database driver overflowed (500).
        self.get("/api/v1/articles/?section=11269521461815386570752", status=422)
        self.get("/api/v1/articles/11269521461815386570752/", status=422)

    def test_nul_in_a_slug_is_refused_not_a_server_error(self):
        """PostgreSQL cannot take NUL in a parameter; it must be a 422, not a 500."""
        self.get("/api/v1/articles/?tag=a%00b", status=422)
        self.get("/api/v1/articles/?author=%00", status=422)
        self.get("/api/v1/authors/sal%00ma/", status=422)

    def test_since_with_any_iso_offset_is_never_a_server_error(self):
        """Found by schemathesis: PostgreSQL refuses offsets past ±15:59 (a 500)."""
        everything = self.ids("/api/v1/articles/")
        far = quote("0346-09-10T08:35:41+23:01")
        self.assertEqual(self.ids(f"/api/v1/articles/?since={far}"), everything)
        self.get(f"/api/v1/articles/?since={quote('0001-01-01T00:00:00+23:00')}",
                 status=422)  # fmt: skip

    def test_filter_by_tag_with_an_arabic_slug(self):
        self.assertEqual(self.ids("/api/v1/articles/?tag=اقتصاد"), {self.old.pk})
        self.assertEqual(
            self.ids("/api/v1/articles/?tag=%D8%A7%D9%82%D8%AA%D8%B5%D8%A7%D8%AF"),
            {self.old.pk},
        )
        self.assertEqual(self.ids("/api/v1/articles/?tag=no-such-tag"), set())

    def test_filter_by_author(self):
        self.assertEqual(
            self.ids("/api/v1/articles/?author=other-writer"), {self.old.pk}
        )
        self.assertEqual(len(self.ids("/api/v1/articles/?author=salma")), 4)

    def test_filter_since(self):
        since = (timezone.now() - timedelta(days=2)).isoformat()
        got = self.client.get("/api/v1/articles/", {"since": since})
        self.assertNotIn(
            self.old.pk, {i["id"] for i in json.loads(got.content)["results"]}
        )
        self.assertEqual(len(json.loads(got.content)["results"]), 4)
        self.get("/api/v1/articles/?since=yesterday", status=422)

    def test_pagination_and_ordering(self):
        first = self.get("/api/v1/articles/?page_size=2&ordering=published_at")
        self.assertEqual(first["count"], 5)
        self.assertEqual(first["results"][0]["id"], self.old.pk)
        second = self.get("/api/v1/articles/?page_size=2&page=2&ordering=published_at")
        self.assertFalse(
            {i["id"] for i in first["results"]} & {i["id"] for i in second["results"]}
        )
        self.assertEqual(self.get("/api/v1/articles/?page=99")["results"], [])
        newest = self.get("/api/v1/articles/?ordering=-published_at")["results"]
        self.assertEqual(newest[-1]["id"], self.old.pk)
        titles = [
            i["title"] for i in self.get("/api/v1/articles/?ordering=title")["results"]
        ]
        self.assertEqual(titles, sorted(titles))
        for bad in ("page=0", "page_size=101", "ordering=password", "page=x"):
            self.get(f"/api/v1/articles/?{bad}", status=422)

    def test_article_detail_has_body_and_encoded_urls(self):
        article = self.paper["articles"][1]
        data = self.get(f"/api/v1/articles/{article.pk}/")
        self.assertIn("فقرة أولى", data["body_html"])
        self.assertEqual(data["url"], "http://localhost" + article.url)
        self.assertTrue(data["url"].isascii())
        self.assertEqual(data["short_url"], f"http://localhost/a/{article.pk}/")
        self.assertEqual(data["authors"][0]["name"], "سلمى الحداد")
        self.assertEqual(data["image"]["width"], 64)

    def test_arabic_is_sent_as_text(self):
        raw = self.client.get("/api/v1/sections/").content.decode()
        self.assertIn("ثقافة وفنون", raw)
        self.assertNotIn("\\u062b", raw)

    def test_drafts_and_scheduled_articles_are_404_and_absent(self):
        """The API is scraped wholesale: any unpublished story there is out."""
        for article in (self.paper["draft"], self.paper["scheduled"]):
            self.get(f"/api/v1/articles/{article.pk}/", status=404)
        listing = self.client.get("/api/v1/articles/?page_size=100").content.decode()
        tags = self.client.get("/api/v1/tags/?page_size=100").content.decode()
        for secret in (DRAFT_TITLE, SCHEDULED_TITLE):
            self.assertNotIn(secret, listing)
        self.assertNotIn(DRAFT_TAG, tags)

    def test_sections_authors_tags_and_images(self):
        sections = self.get("/api/v1/sections/")["results"]
        self.assertEqual({s["slug"] for s in sections}, {"world", "ثقافة"})
        self.get(f"/api/v1/sections/{self.paper['world'].pk}/")
        self.get(f"/api/v1/sections/{self.paper['articles'][0].pk}/", status=404)
        authors = self.get("/api/v1/authors/")["results"]
        self.assertEqual({a["slug"] for a in authors}, {"salma", "other-writer"})
        self.get("/api/v1/authors/salma/")
        self.get("/api/v1/authors/nobody/", status=404)
        tags = {t["slug"] for t in self.get("/api/v1/tags/")["results"]}
        self.assertEqual(tags, {"روسيا", "kim-jong-un", "اقتصاد"})
        images = self.get("/api/v1/images/")["results"]
        self.assertEqual([i["id"] for i in images], [self.paper["image"].pk])
        self.get(f"/api/v1/images/{self.paper['image'].pk}/")

    def test_an_unused_image_is_not_listed(self):
        from nashra.images.factories import create_image

        private = create_image("صورة لم تنشر بعد")
        self.get(f"/api/v1/images/{private.pk}/", status=404)

    def test_no_email_ip_or_internal_field_ever(self):
        """Staff accounts, commenters and revision data are not public."""
        urls = ["/api/v1/articles/", "/api/v1/sections/", "/api/v1/authors/",
                "/api/v1/tags/", "/api/v1/images/", "/api/v1/authors/salma/",
                f"/api/v1/articles/{self.paper['articles'][0].pk}/",
                "/api/v1/openapi.json"]  # fmt: skip
        for url in urls:
            raw = self.client.get(url).content.decode()
            for secret in (STAFF_EMAIL, COMMENTER_EMAIL, COMMENTER_IP, "salma-staff"):
                self.assertNotIn(secret, raw, url)
            self.assertFalse(FORBIDDEN_KEYS & set(keys(json.loads(raw))), url)

    def test_refuses_writes(self):
        for method in ("post", "put", "patch", "delete"):
            response = getattr(self.client, method)("/api/v1/articles/")
            self.assertEqual(response.status_code, 405, method)

    def test_article_listing_in_constant_queries(self):
        self.client.get("/api/v1/articles/")
        with self.assertNumQueries(4):
            self.client.get("/api/v1/articles/")
        for index in range(4):
            create_article(self.paper["world"], f"إضافي {index}", authors=[self.other],
                           tags=[f"وسم {index}"], featured_image=self.paper["image"])  # fmt: skip
        # Publishing empties the site and private-path caches: refill them first.
        self.client.get("/api/v1/articles/")
        with self.assertNumQueries(4):
            self.client.get("/api/v1/articles/")


class CorsTests(TestCase):
    def test_off_by_default(self):
        """A browser on another site must not read the API unless the paper allows it."""
        response = self.client.get("/api/v1/tags/", HTTP_ORIGIN="https://evil.example")
        self.assertNotIn("Access-Control-Allow-Origin", response)
        self.assertNotIn("Origin", response.get("Vary", ""))

    @override_settings(NASHRA_CORS_ORIGINS=["https://app.example"])
    def test_listed_origin_is_allowed_and_others_are_not(self):
        ok = self.client.get("/api/v1/tags/", HTTP_ORIGIN="https://app.example")
        self.assertEqual(ok["Access-Control-Allow-Origin"], "https://app.example")
        other = self.client.get("/api/v1/tags/", HTTP_ORIGIN="https://evil.example")
        self.assertNotIn("Access-Control-Allow-Origin", other)
        self.assertNotIn("Access-Control-Allow-Credentials", ok)
        # Shared caches must keep one copy per Origin.
        self.assertIn("Origin", ok["Vary"])
        self.assertIn("Origin", other["Vary"])

    @override_settings(NASHRA_CORS_ORIGINS=["*"])
    def test_preflight(self):
        response = self.client.options(
            "/api/v1/articles/", HTTP_ORIGIN="https://any.example",
            HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        )  # fmt: skip
        self.assertEqual(response.status_code, 204)
        self.assertEqual(response["Access-Control-Allow-Origin"], "*")
        self.assertIn("GET", response["Access-Control-Allow-Methods"])

    @override_settings(NASHRA_CORS_ORIGINS=["*"])
    def test_pages_outside_the_api_get_no_cors_headers(self):
        response = self.client.get("/robots.txt", HTTP_ORIGIN="https://any.example")
        self.assertNotIn("Access-Control-Allow-Origin", response)
