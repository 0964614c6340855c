"""Pages found by url_path in one query, with Wagtail's semantics kept (#8)."""

from unittest import mock

from django.test import RequestFactory, TestCase
from wagtail.models import PageViewRestriction

from nashra.articles.factories import create_article
from nashra.core import routing
from nashra.core.tests.factories import build_newspaper


class RoutingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = build_newspaper(articles_per_section=1)
        cls.article = create_article(
            cls.paper["culture"], "مقال عربي", slug="مقال-عربي"
        )

    def test_arabic_slugs_in_a_section_and_an_article(self):
        response = self.client.get("/ثقافة/مقال-عربي/")
        self.assertContains(response, "مقال عربي")
        self.assertEqual(
            self.client.get("/%D8%AB%D9%82%D8%A7%D9%81%D8%A9/").status_code, 200
        )

    def test_home_section_and_article_resolve(self):
        for url in ("/", self.paper["world"].url, self.paper["articles"][0].url):
            self.assertEqual(self.client.get(url).status_code, 200, url)

    def test_one_query_finds_the_page(self):
        """The walk cost two queries per tree level; now one lookup plus the
        page's own row, at any depth."""
        request = RequestFactory().get("/ثقافة/مقال-عربي/", HTTP_HOST="localhost")
        routing.fast_route(request, "ثقافة/مقال-عربي/")  # warms site and types
        request = RequestFactory().get("/ثقافة/مقال-عربي/", HTTP_HOST="localhost")
        request._wagtail_site = self.paper["home"].get_site()
        with self.assertNumQueries(2):
            page, args, kwargs = routing.fast_route(request, "ثقافة/مقال-عربي/")
        self.assertEqual(page.pk, self.article.pk)
        self.assertIs(type(page), type(self.article))

    def test_an_unpublished_page_is_a_404(self):
        """An unpublished story must not stay readable at its address."""
        draft = create_article(
            self.paper["world"], "مسودة", slug="مسودة", publish=False
        )
        self.assertEqual(self.client.get(draft.url or "/world/مسودة/").status_code, 404)
        self.article.unpublish()
        self.assertEqual(self.client.get("/ثقافة/مقال-عربي/").status_code, 404)

    def test_unknown_paths_are_404(self):
        for url in ("/لا-يوجد/", "/ثقافة/مقال-عربي/زيادة/", "/world/nothing/"):
            self.assertEqual(self.client.get(url).status_code, 404, url)

    def test_a_missing_trailing_slash_redirects(self):
        response = self.client.get("/ثقافة/مقال-عربي")
        self.assertEqual(response.status_code, 301)
        self.assertTrue(response["Location"].endswith("/"))

    def test_a_private_page_keeps_its_password_form(self):
        """The shortcut that skips restriction queries must not skip restrictions."""
        PageViewRestriction.objects.create(
            page=self.paper["culture"], restriction_type="password", password="x"
        )
        response = self.client.get("/ثقافة/مقال-عربي/")
        self.assertNotContains(response, "مقال عربي", status_code=200)
        self.assertContains(response, 'name="password"')

    def test_a_login_restriction_sends_readers_to_log_in(self):
        PageViewRestriction.objects.create(page=self.article, restriction_type="login")
        response = self.client.get("/ثقافة/مقال-عربي/")
        self.assertEqual(response.status_code, 302)
        self.assertIn("login", response["Location"])

    def test_same_answers_as_wagtails_walk(self):
        """Every kind of address answers exactly as Wagtail's own router does."""
        create_article(self.paper["world"], "مسودة", slug="مسودة", publish=False)
        urls = ["/", "/world/", "/world/?page=2", "/world/?page=x", "/ثقافة/مقال-عربي/",
                "/world/مسودة/", "/world/nothing/", "/ثقافة/مقال-عربي/زيادة/"]  # fmt: skip
        fast = {url: self.client.get(url) for url in urls}
        with mock.patch.object(routing, "fast_route", return_value=routing.WALK):
            walked = {url: self.client.get(url) for url in urls}
        for url in urls:
            self.assertEqual(fast[url].status_code, walked[url].status_code, url)
            self.assertEqual(fast[url].content, walked[url].content, url)

    def test_page_types_with_their_own_route_get_the_walk(self):
        """A RoutablePage above may claim a child's address: Wagtail decides."""
        section_type = self.paper["culture"].content_type_id
        request = RequestFactory().get("/ثقافة/مقال-عربي/", HTTP_HOST="localhost")
        with mock.patch.object(
            routing, "custom_route_types", return_value=frozenset({section_type})
        ):
            self.assertIs(routing.fast_route(request, "ثقافة/مقال-عربي/"), routing.WALK)
            self.assertIs(routing.fast_route(request, "ثقافة/لا-يوجد/"), routing.WALK)
            self.assertEqual(self.client.get("/ثقافة/مقال-عربي/").status_code, 200)
