"""What is stored and replayed, and what never is (#8)."""

from django.contrib.auth.models import User
from django.test import TestCase

from nashra.pagecache.tests.helpers import fresh_paper, reader, twice


class StorageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = fresh_paper()
        cls.article = cls.paper["articles"][0]

    def test_second_anonymous_read_is_a_hit_with_the_same_body(self):
        """The reason for the cache: the second reader costs no rendering."""
        first, second = twice(reader(), self.article.url)
        assert first["X-Cache"] == "MISS"
        assert second["X-Cache"] == "HIT"
        assert first.content == second.content
        assert second.status_code == 200
        assert second["ETag"] == first["ETag"]

    def test_hit_costs_no_query(self):
        """A spike of readers must not reach the database."""
        client = reader()
        client.get(self.article.url)
        with self.assertNumQueries(0):
            response = client.get(self.article.url)
        assert response["X-Cache"] == "HIT"

    def test_a_page_rendered_while_something_changed_is_kept_by_no_cache(self):
        """A fetch by Varnish or a CDN racing a publish gets the old state:
        neither the page cache nor a cache in front may keep it."""
        from unittest import mock

        from nashra.core.invalidate import bump_now
        from nashra.pagecache import middleware

        real = middleware.dependencies

        def racing(request, response):
            bump_now({"site"})  # a publish commits while the page renders
            return real(request, response)

        with mock.patch.object(middleware, "dependencies", racing):
            raced = reader().get(self.article.url)
        assert raced["X-Cache"] == "MISS"
        assert raced["Cache-Control"] == "private, no-cache"
        assert reader().get(self.article.url)["X-Cache"] == "MISS"

    def test_cdn_headers(self):
        """A CDN may keep the page briefly and serve it stale while refetching."""
        response = reader().get(self.article.url)
        control = response["Cache-Control"]
        assert "public" in control
        assert "s-maxage=" in control
        assert "stale-while-revalidate=" in control
        assert response["Last-Modified"]

    def test_head_is_answered_from_the_cache_without_body(self):
        """HEAD (link checkers, CDNs) gets the headers of the cached page."""
        client = reader()
        full = client.get(self.article.url)
        head = client.head(self.article.url)
        assert head.status_code == 200
        assert head["X-Cache"] == "HIT"
        assert head.content == b""
        assert head["ETag"] == full["ETag"]

    def test_304_for_a_matching_etag(self):
        """A browser revalidating a page it has gets 304, not the page again."""
        client = reader()
        etag = client.get(self.article.url)["ETag"]
        response = client.get(self.article.url, HTTP_IF_NONE_MATCH=etag)
        assert response.status_code == 304
        assert response.content == b""
        other = client.get(self.article.url, HTTP_IF_NONE_MATCH='"other"')
        assert other.status_code == 200

    def test_gzip_variant(self):
        """Compressed once at store time, not per hit."""
        import gzip

        client = reader()
        plain = client.get(self.article.url)
        packed = client.get(self.article.url, HTTP_ACCEPT_ENCODING="gzip, br")
        assert packed["Content-Encoding"] == "gzip"
        assert gzip.decompress(packed.content) == plain.content
        assert "Accept-Encoding" in packed["Vary"]

    def test_a_miss_is_compressed_as_the_hit_will_be(self):
        """Every publish makes the next view a miss: sent uncompressed it
        cost the phone four times the bytes of a hit (#12)."""
        import gzip

        client = reader()
        miss = client.get(self.article.url, HTTP_ACCEPT_ENCODING="gzip")
        hit = client.get(self.article.url, HTTP_ACCEPT_ENCODING="gzip")
        assert miss["X-Cache"] == "MISS"
        assert miss["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in miss["Vary"]
        assert int(miss["Content-Length"]) == len(miss.content)
        assert gzip.decompress(miss.content) == gzip.decompress(hit.content)
        plain = reader().get(self.article.url)
        assert not plain.has_header("Content-Encoding")

    def test_tracking_parameters_share_the_entry(self):
        """Newsletter links with utm_* must not each render the page again."""
        client = reader()
        client.get(self.article.url)
        response = client.get(self.article.url + "?utm_source=newsletter")
        assert response["X-Cache"] == "HIT"

    def test_404_is_cached_and_bad_page_numbers_too(self):
        """Crawlers hammering dead links cost one render each."""
        _, second = twice(reader(), "/لا-توجد/")
        assert second.status_code == 404
        assert second["X-Cache"] == "HIT"

    def test_admin_and_comment_endpoints_bypass(self):
        """The newsroom and the per-reader comment endpoints are never stored."""
        client = reader()
        for url in ("/admin/login/", f"/comments/{self.article.pk}/token/"):
            _, second = twice(client, url)
            assert not second.has_header("X-Cache"), url

    def test_post_is_never_answered_from_the_cache(self):
        client = reader()
        client.get(self.article.url)
        response = client.post(self.article.url, {})
        assert response.get("X-Cache") != "HIT"


class PersonalContentTests(TestCase):
    """No staff page or personal content is ever served to someone else."""

    @classmethod
    def setUpTestData(cls):
        cls.paper = fresh_paper()
        cls.article = cls.paper["articles"][0]
        cls.editor = User.objects.create_superuser("editor", "e@example.com", "pw")

    def test_staff_page_is_not_stored_for_readers(self):
        """The userbar links to the admin; a reader must never receive it."""
        staff = reader()
        staff.force_login(self.editor)
        for _ in range(2):
            page = staff.get(self.article.url)
            assert b"wagtail-userbar" in page.content
            assert page.get("X-Cache") is None
        anonymous = reader().get(self.article.url)
        assert b"wagtail-userbar" not in anonymous.content
        assert anonymous["X-Cache"] == "MISS"

    def test_staff_never_gets_the_readers_copy(self):
        """An editor checking a correction must see the live page, not the cache."""
        reader().get(self.article.url)
        staff = reader()
        staff.force_login(self.editor)
        page = staff.get(self.article.url)
        assert page.get("X-Cache") is None
        assert b"wagtail-userbar" in page.content

    def test_session_cookie_bypasses(self):
        """A session (page password, login) may change the page: no lookup."""
        client = reader()
        client.get(self.article.url)
        client.cookies["sessionid"] = "anything"
        response = client.get(self.article.url)
        assert response.get("X-Cache") is None

    def test_comment_cookie_bypasses(self):
        """A reader with pending comments is served fresh, never stored."""
        client = reader()
        client.cookies["nashra_comments_mine"] = "signed"
        _, second = twice(client, self.article.url)
        assert second.get("X-Cache") is None

    def test_set_cookie_and_private_responses_are_not_stored(self):
        """Anything a view marks private or that sets a cookie stays personal."""
        from django.http import HttpResponse
        from django.test import RequestFactory

        from nashra.pagecache.responses import shareable

        request = RequestFactory().get("/x/")
        cookie = HttpResponse("x")
        cookie.set_cookie("a", "b")
        private = HttpResponse("x")
        private["Cache-Control"] = "private, max-age=60"
        no_store = HttpResponse("x")
        no_store["Cache-Control"] = "no-store"
        varies = HttpResponse("x")
        varies["Vary"] = "Accept-Language"
        for response in (cookie, private, no_store, varies):
            assert not shareable(request, response)
        assert shareable(request, HttpResponse("x"))
        request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
        assert not shareable(request, HttpResponse("x"))
