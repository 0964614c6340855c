"""Posting from the article without leaving it, and the page without JS (#12).

With JavaScript the article's script posts with fetch() and shows the answer
in place, so the cached article page stays a shared copy: the answer is JSON
and carries the reader's own comment. Without JavaScript a missing field is
the form again with the reader's text kept, not a bare 400.
"""

import json

from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import translation

from nashra.comments import tokens
from nashra.comments.models import Comment, Status
from nashra.comments.tests.helpers import (
    READER_IP,
    form_data,
    newspaper_with_options,
    post,
    set_options,
)
from nashra.comments.views import MINE_COOKIE
from nashra.theme.models import ThemeOptions


class InPlaceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = newspaper_with_options()
        cls.article = cls.paper["articles"][0]

    def send(self, **overrides):
        response = self.client.post(
            reverse("comments:post", args=[self.article.pk]),
            form_data(self.article, **overrides),
            REMOTE_ADDR=READER_IP,
            HTTP_ACCEPT="application/json",
        )
        self.assertEqual(response["Content-Type"], "application/json")
        self.assertIn("no-store", response["Cache-Control"])
        self.assertIn("private", response["Cache-Control"])
        return response, json.loads(response.content)

    def test_a_held_comment_comes_back_to_show_as_pending(self):
        response, data = self.send(body="تعليق يُعرض في مكانه")
        self.assertEqual(response.status_code, 201)
        comment = Comment.objects.get()
        self.assertEqual(comment.status, Status.PENDING)
        self.assertEqual(data["status"], "pending")
        self.assertEqual(data["id"], comment.pk)
        self.assertIn("تعليقك بانتظار المراجعة", data["message"])
        self.assertIn('class="comment comment--pending"', data["html"])
        self.assertIn("تعليق يُعرض في مكانه", data["html"])
        # The pending comment is the reader's on the next visit too.
        self.assertEqual(response.cookies[MINE_COOKIE]["path"], "/comments/")

    def test_a_published_comment_comes_back_as_its_thread_item(self):
        Comment.objects.create(
            article=self.article, name="سارة علي", email="sara@example.com",
            body="تعليق سابق", status=Status.APPROVED,
        )  # fmt: skip
        response, data = self.send(body="تعليق ثان منشور")
        self.assertEqual(response.status_code, 201)
        comment = Comment.objects.latest("pk")
        self.assertEqual(comment.status, Status.APPROVED)
        self.assertEqual(data["status"], "published")
        self.assertEqual(data["message"], "نُشر تعليقك.")
        self.assertIn(f'id="comment-{comment.pk}"', data["html"])
        self.assertTrue(data["html"].strip().startswith("<li"))
        self.assertNotIn(MINE_COOKIE, response.cookies)

    def test_missing_fields_are_errors_beside_each_field(self):
        response, data = self.send(name="", email="", body="")
        self.assertEqual(response.status_code, 422)
        self.assertEqual(data["status"], "invalid")
        self.assertEqual(data["message"], "يرجى تصحيح الحقول المشار إليها أدناه.")
        self.assertEqual(set(data["errors"]), {"name", "email", "body"})
        self.assertIn("يرجى كتابة اسمك", data["errors"]["name"])
        self.assertIn("يرجى كتابة تعليقك", data["errors"]["body"])
        self.assertFalse(Comment.objects.exists())

    def test_messages_follow_the_digits_option(self):
        options = ThemeOptions.for_site(self.article.get_site())
        options.digits = "arabic"
        with self.captureOnCommitCallbacks(execute=True):
            options.save()
        _, data = self.send(name="ن" * 90)
        self.assertIn("٨٠", data["errors"]["name"])
        self.assertNotIn("80", data["errors"]["name"])

    def test_refusals_have_a_message_and_a_code(self):
        _, first = self.send()
        self.assertEqual(first["status"], "pending")
        # The same token again: the form was posted twice.
        token = tokens.issue(self.article.pk)
        self.send(token=token, body="مرة")
        response, data = self.send(token=token, body="مرة أخرى")
        self.assertEqual((response.status_code, data["code"]), (400, "token_used"))
        self.assertEqual(data["status"], "refused")
        self.assertTrue(data["message"])
        response, data = self.send(token="", body="بلا رمز")
        self.assertEqual((response.status_code, data["code"]), (422, "token_missing"))
        set_options(close_after_days=0, hold_all=False)
        from nashra.comments.models import CommentThread

        CommentThread.objects.update_or_create(
            page_id=self.article.pk, defaults={"is_open": False}
        )
        response, data = self.send(body="مغلق")
        self.assertEqual((response.status_code, data["code"]), (403, "closed"))

    def test_a_huge_post_is_refused_in_json_too(self):
        response = self.client.post(
            reverse("comments:post", args=[self.article.pk]),
            form_data(self.article, body="ب" * 300_000),
            HTTP_ACCEPT="application/json",
        )
        self.assertEqual(response.status_code, 413)
        self.assertEqual(json.loads(response.content)["code"], "too_long")


class WithoutJavaScriptTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = newspaper_with_options()
        cls.article = cls.paper["articles"][0]

    def test_a_missing_field_is_the_form_again_not_a_bare_400(self):
        response = post(
            self.client, self.article, name="", body="نص كتبه القارئ", js=""
        )
        self.assertEqual(response.status_code, 422)
        self.assertTemplateUsed(response, "comments/form_page.html")
        self.assertContains(response, "نص كتبه القارئ", status_code=422)
        self.assertContains(response, "يرجى كتابة اسمك", status_code=422)
        self.assertContains(response, 'name="token" value="', status_code=422)

    def test_messages_with_markup_characters_are_escaped_once(self):
        """«<» in a refusal must read as «<», not as the text «&lt;»."""
        response = post(self.client, self.article, name="<b>قارئ</b>", js="")
        self.assertEqual(response.status_code, 422)
        self.assertContains(response, "&lt;", status_code=422)
        self.assertNotContains(response, "&amp;lt;", status_code=422)
        self.assertNotContains(response, "&amp;gt;", status_code=422)

    def test_a_stored_comment_still_lands_on_the_uncached_page(self):
        response = post(self.client, self.article, js="")
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].endswith("/form/?sent=1"))

    def test_the_back_arrow_points_back_in_right_to_left(self):
        """In Arabic "back" is towards the right, where the line starts."""
        url = reverse("comments:form", args=[self.article.pk])
        html = self.client.get(url).content.decode()
        self.assertIn('<span aria-hidden="true">→</span>', html)
        self.assertNotIn("←", html)

    @override_settings(LANGUAGE_CODE="en")
    def test_and_left_in_english(self):
        url = reverse("comments:form", args=[self.article.pk])
        with translation.override("en"):
            html = self.client.get(url).content.decode()
        self.assertIn('<span aria-hidden="true">←</span>', html)
        self.assertNotIn("→", html)
