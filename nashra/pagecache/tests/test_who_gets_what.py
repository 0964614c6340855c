"""What the page cache keeps, for whom, and under which key (#8).

Each test names what would leak or go stale if it failed: a page rendered for
one request must only ever be replayed to requests that would render it the same.
"""

from django.test import TestCase, override_settings

from nashra.pagecache.keys import entry_key, normalise_query
from nashra.pagecache.tests.helpers import fresh_paper, reader, twice


class Keys(TestCase):
    def test_repeated_parameters_keep_their_order(self):
        """Django reads the last of repeated values: "?q=a&q=b" is a search for
        b and "?q=b&q=a" one for a, so they must not share an entry."""
        self.assertNotEqual(normalise_query("q=a&q=b"), normalise_query("q=b&q=a"))

    def test_different_names_are_sorted(self):
        self.assertEqual(normalise_query("b=2&a=1"), normalise_query("a=1&b=2"))

    def test_tracking_parameters_in_any_case_are_dropped(self):
        self.assertEqual(normalise_query("UTM_Source=x&page=2&FBCLID=y"), "page=2")

    def test_blank_values_are_kept(self):
        self.assertNotEqual(normalise_query("page="), normalise_query(""))

    def test_host_case_and_scheme(self):
        self.assertEqual(
            entry_key("https", "News.Example", "/a/", ""),
            entry_key("https", "news.example", "/a/", ""),
        )
        self.assertNotEqual(
            entry_key("https", "news.example", "/a/", ""),
            entry_key("http", "news.example", "/a/", ""),
        )

    def test_arabic_paths_and_queries_hash_to_fixed_length_keys(self):
        key = entry_key("https", "news.example", "/أخبار/" * 200, "q=" + "و" * 2000)
        self.assertLess(len(key), 60)


class WhoGetsWhat(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = fresh_paper()
        cls.article = cls.paper["articles"][0]

    def test_a_search_with_repeated_terms_is_not_replayed_reversed(self):
        client = reader()
        client.get("/search/?q=العالم&q=ثقافة")
        response = client.get("/search/?q=ثقافة&q=العالم")
        self.assertNotEqual(response.get("X-Cache"), "HIT")

    def test_an_authorization_header_bypasses(self):
        client = reader()
        client.get(self.article.url)
        response = client.get(self.article.url, HTTP_AUTHORIZATION="Basic eDp5")
        self.assertFalse(response.has_header("X-Cache"))

    def test_an_analytics_cookie_still_gets_the_shared_copy(self):
        client = reader()
        client.get(self.article.url)
        client.cookies["_pk_id"] = "abc"
        self.assertEqual(client.get(self.article.url)["X-Cache"], "HIT")

    def test_the_comment_form_cookie_names_bypass(self):
        for name in ("nashra_comments_mine", "nashra-comment-draft"):
            client = reader()
            client.get(self.article.url)
            client.cookies[name] = "x"
            self.assertFalse(client.get(self.article.url).has_header("X-Cache"), name)

    def test_different_query_strings_are_different_entries(self):
        client = reader()
        client.get(self.article.url + "?page=2")
        self.assertEqual(client.get(self.article.url + "?page=3")["X-Cache"], "MISS")
        self.assertEqual(client.get(self.article.url + "?page=2")["X-Cache"], "HIT")

    def test_a_host_outside_allowed_hosts_is_neither_cached_nor_a_crash(self):
        response = reader().get(self.article.url, HTTP_HOST="evil.example")
        self.assertEqual(response.status_code, 400)
        self.assertFalse(response.has_header("X-Cache"))

    def test_other_methods_never_touch_the_cache(self):
        client = reader()
        client.get(self.article.url)
        for method in ("options", "put", "delete", "patch"):
            response = getattr(client, method)(self.article.url)
            self.assertNotEqual(response.get("X-Cache"), "HIT", method)

    def test_head_first_does_not_store_an_empty_page(self):
        client = reader()
        head = client.head(self.article.url)
        self.assertEqual(head.content, b"")
        response = client.get(self.article.url)
        self.assertTrue(response.content)
        self.assertIn(self.article.title.encode(), response.content)

    def test_a_permanent_redirect_is_cached_a_temporary_one_is_not(self):
        client = reader()
        without_slash = self.article.url.rstrip("/")
        first, second = twice(client, without_slash)
        self.assertEqual(first.status_code, 301)
        self.assertEqual(second["X-Cache"], "HIT")
        self.assertEqual(second["Location"], first["Location"])

    def test_weak_and_listed_etags_get_304(self):
        client = reader()
        etag = client.get(self.article.url)["ETag"]
        for header in (etag, f"W/{etag}", f'"other", {etag}', "*"):
            response = client.get(self.article.url, HTTP_IF_NONE_MATCH=header)
            self.assertEqual(response.status_code, 304, header)
            self.assertEqual(response["ETag"], etag)
        response = client.get(self.article.url, HTTP_IF_NONE_MATCH='"other"')
        self.assertEqual(response.status_code, 200)

    def test_if_modified_since(self):
        client = reader()
        stamp = client.get(self.article.url)["Last-Modified"]
        self.assertEqual(
            client.get(self.article.url, HTTP_IF_MODIFIED_SINCE=stamp).status_code, 304
        )
        old = "Mon, 01 Jan 2001 00:00:00 GMT"
        self.assertEqual(
            client.get(self.article.url, HTTP_IF_MODIFIED_SINCE=old).status_code, 200
        )
        self.assertEqual(
            client.get(self.article.url, HTTP_IF_MODIFIED_SINCE="garbage").status_code,
            200,
        )

    def test_gzip_is_only_for_clients_that_ask(self):
        client = reader()
        client.get(self.article.url)
        for header in ("", "identity", "br"):
            response = client.get(self.article.url, HTTP_ACCEPT_ENCODING=header)
            self.assertFalse(response.has_header("Content-Encoding"), header)

    def test_head_hit_has_the_length_of_the_body(self):
        client = reader()
        body = client.get(self.article.url).content
        head = client.head(self.article.url)
        self.assertEqual(head["X-Cache"], "HIT")
        self.assertEqual(int(head["Content-Length"]), len(body))
        self.assertEqual(head.content, b"")

    def test_no_cookie_is_ever_replayed(self):
        client = reader()
        first, second = twice(client, self.article.url)
        self.assertFalse(second.cookies)
        self.assertFalse(second.has_header("Set-Cookie"))

    @override_settings(PAGE_CACHE=False)
    def test_the_switch_turns_it_off(self):
        _, second = twice(reader(), self.article.url)
        self.assertFalse(second.has_header("X-Cache"))

    @override_settings(PAGE_CACHE_EXCLUDE=["/أخبار-خاصة/"])
    def test_excluded_prefixes_come_from_settings(self):
        _, second = twice(reader(), "/أخبار-خاصة/x/")
        self.assertFalse(second.has_header("X-Cache"))
