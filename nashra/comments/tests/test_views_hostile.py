"""Hostile requests to the reader's comment endpoints: a clear answer, never a 500.

Every response here is private and uncached (#3, #8): it names one reader.
"""

from django.core import signing
from django.test import TestCase, override_settings
from django.urls import reverse

from nashra.comments import views
from nashra.comments.models import Comment, CommentThread, Status
from nashra.comments.tests.helpers import form_data, newspaper_with_options, post


class HostileRequests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = newspaper_with_options()
        cls.article = cls.paper["articles"][0]

    def url(self, name, article=None):
        return reverse(f"comments:{name}", args=[(article or self.article).pk])

    def assert_private(self, response):
        self.assertIn("no-store", response["Cache-Control"])
        self.assertIn("private", response["Cache-Control"])

    def test_a_garbage_content_length_is_not_a_500(self):
        """A client may send any header; int("x") must not crash the view."""
        response = self.client.post(
            self.url("post"), form_data(self.article), CONTENT_LENGTH="x"
        )
        self.assertLess(response.status_code, 500)

    def test_an_oversized_post_is_refused_with_413_in_arabic(self):
        response = self.client.post(
            self.url("post"), form_data(self.article, body="ب" * 150_000)
        )
        self.assertEqual(response.status_code, 413)
        self.assertContains(response, "5,000", status_code=413)
        self.assert_private(response)
        self.assertFalse(Comment.objects.exists())

    def test_reply_parameter_with_unicode_digits_is_ignored(self):
        """ "²".isdigit() is true but int("²") fails: the form page must load."""
        for reply in ("²", "١٢", "9" * 40, "-1", "1e3"):
            response = self.client.get(self.url("form") + f"?reply={reply}")
            self.assertEqual(response.status_code, 200, reply)
            self.assert_private(response)

    def test_arabic_indic_reply_digits_are_read(self):
        response = self.client.get(self.url("form") + "?reply=١٢")
        self.assertEqual(response.context["form"].initial.get("parent"), 12)

    def test_get_on_the_post_endpoint_is_405(self):
        self.assertEqual(self.client.get(self.url("post")).status_code, 405)

    def test_post_on_the_token_endpoint_is_405(self):
        self.assertEqual(self.client.post(self.url("token")).status_code, 405)

    def test_unknown_and_unpublished_articles_are_404(self):
        for pk in (999_999, 2**62):
            response = self.client.get(reverse("comments:token", args=[pk]))
            self.assertEqual(response.status_code, 404)
        self.article.unpublish()
        self.assertEqual(self.client.get(self.url("token")).status_code, 404)
        self.assertEqual(post(self.client, self.article).status_code, 404)

    def test_token_of_a_closed_thread_says_closed(self):
        CommentThread.objects.create(page=self.article, is_open=False)
        response = self.client.get(self.url("token"))
        self.assertEqual(response.json(), {"open": False})
        self.assert_private(response)

    def test_posting_to_a_closed_thread_is_403(self):
        CommentThread.objects.create(page=self.article, is_open=False)
        response = post(self.client, self.article)
        self.assertEqual(response.status_code, 403)
        self.assertContains(response, "التعليقات مغلقة", status_code=403)

    def test_the_honeypot_refuses_without_storing(self):
        response = post(self.client, self.article, homepage="https://spam.example")
        self.assertEqual(response.status_code, 400)
        self.assertFalse(Comment.objects.exists())

    def test_a_huge_parent_id_is_refused_cleanly(self):
        response = post(self.client, self.article, parent=str(10**30))
        self.assertLess(response.status_code, 500)
        self.assertFalse(Comment.objects.exists())

    def test_parent_on_another_article_is_refused(self):
        other = self.paper["articles"][1]
        parent = Comment.objects.create(
            article=other, name="ع", email="a@example.com", body="أصل",
            status=Status.APPROVED,
        )  # fmt: skip
        response = post(self.client, self.article, parent=str(parent.pk))
        self.assertEqual(response.status_code, 400)
        self.assertEqual(Comment.objects.count(), 1)

    def test_a_token_for_another_article_is_refused(self):
        other = self.paper["articles"][1]
        data = form_data(other)
        response = self.client.post(self.url("post"), data)
        self.assertEqual(response.status_code, 400)
        self.assertFalse(Comment.objects.exists())

    def test_names_with_links_or_markup_are_refused(self):
        for name in ("<b>x</b>", "www.spam.example", "JavaScript:alert(1)", "\u200b"):
            response = post(self.client, self.article, name=name)
            # A field the reader can fix: the form again, 422 (#12).
            self.assertEqual(response.status_code, 422, name)
        self.assertFalse(Comment.objects.exists())

    def test_an_email_with_invisible_characters_is_refused(self):
        response = post(self.client, self.article, email="sa\u200bra@example.com")
        self.assertEqual(response.status_code, 422)

    def test_a_javascript_website_is_refused(self):
        response = post(self.client, self.article, website="javascript:alert(1)")
        self.assertContains(response, "http://", status_code=422)

    def test_a_nul_in_the_body_does_not_reach_the_database(self):
        response = post(self.client, self.article, body="تعليق\x00مخفي")
        self.assertLess(response.status_code, 500)
        for comment in Comment.objects.all():
            self.assertNotIn("\x00", comment.body)


class MineCookie(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = newspaper_with_options(hold_all=True)
        cls.article = cls.paper["articles"][0]

    def mine(self):
        return self.client.get(reverse("comments:mine", args=[self.article.pk]))

    def test_a_held_comment_is_shown_to_its_author_only(self):
        post(self.client, self.article, body="تعليقي المنتظر")
        self.assertIn("تعليقي المنتظر", "".join(self.mine().json()["comments"]))
        self.client.cookies.clear()
        self.assertEqual(self.mine().json(), {"comments": []})

    def test_the_cookie_is_scoped_to_comments_and_http_only(self):
        response = post(self.client, self.article)
        cookie = response.cookies[views.MINE_COOKIE]
        self.assertEqual(cookie["path"], "/comments/")
        self.assertTrue(cookie["httponly"])
        self.assertEqual(cookie["samesite"], "Lax")

    def test_a_forged_cookie_shows_nothing(self):
        pending = Comment.objects.create(
            article=self.article, name="غير", email="x@example.com", body="سر",
            status=Status.PENDING,
        )  # fmt: skip
        self.client.cookies[views.MINE_COOKIE] = signing.dumps(
            [pending.pk], salt="another-salt"
        )
        self.assertEqual(self.mine().json(), {"comments": []})
        self.client.cookies[views.MINE_COOKIE] = "garbage"
        self.assertEqual(self.mine().json(), {"comments": []})

    def test_approved_comments_are_not_listed_as_pending(self):
        approved = Comment.objects.create(
            article=self.article, name="م", email="m@example.com", body="منشور",
            status=Status.APPROVED,
        )  # fmt: skip
        self.client.cookies[views.MINE_COOKIE] = signing.dumps(
            [approved.pk, "x", None], salt=views.MINE_SALT
        )
        self.assertEqual(self.mine().json(), {"comments": []})

    def test_the_cookie_keeps_the_last_twenty(self):
        ids = list(range(1, 40))
        self.client.cookies[views.MINE_COOKIE] = signing.dumps(
            ids, salt=views.MINE_SALT
        )
        response = post(self.client, self.article)
        kept = signing.loads(
            response.cookies[views.MINE_COOKIE].value, salt=views.MINE_SALT
        )
        self.assertEqual(len(kept), views.MINE_LIMIT)
        self.assertEqual(kept[-1], Comment.objects.get().pk)


@override_settings(SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"))
class BehindTheProxy(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = newspaper_with_options()
        cls.article = cls.paper["articles"][0]

    def send(self, forwarded):
        return self.client.post(
            reverse("comments:post", args=[self.article.pk]),
            form_data(self.article),
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=forwarded,
        )

    def test_the_last_hop_is_the_readers_address(self):
        self.send("198.51.100.1, 203.0.113.9")
        self.assertEqual(Comment.objects.get().ip, "203.0.113.9")

    def test_a_forwarded_value_that_is_no_address_falls_back(self):
        """Without a proxy in front the header is the client's word: "junk" must
        not reach a GenericIPAddressField (PostgreSQL's inet refuses it)."""
        response = self.send("junk, <script>")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Comment.objects.get().ip, "10.0.0.2")
