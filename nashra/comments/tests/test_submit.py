"""Posting comments: every refusal has a clear message and stores nothing (#3)."""

import time
from datetime import timedelta

from django.test import TestCase
from django.utils import timezone

from nashra.comments import tokens
from nashra.comments.models import Comment, CommentThread, Status
from nashra.comments.tests.helpers import newspaper_with_options, post, set_options


class PostingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = newspaper_with_options()
        cls.article, cls.other = cls.paper["articles"][:2]

    def refused(self, response, message, status=400):
        self.assertEqual(response.status_code, status)
        self.assertContains(response, message, status_code=status)
        self.assertEqual(Comment.objects.count(), 0)
        self.assertEqual(response["Cache-Control"].count("no-store"), 1)

    def test_valid_comment_is_held_and_redirected(self):
        """PRG: a stored comment answers with a redirect, never a page to re-post."""
        response = post(self.client, self.article)
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].endswith("#comment-sent"))
        comment = Comment.objects.get()
        self.assertEqual(comment.status, Status.PENDING)
        self.assertEqual(comment.ip, "203.0.113.7")
        self.assertEqual(comment.email, "sara@example.com")

    def test_missing_fields_each_get_a_message_and_input_is_kept(self):
        """Readers see which field is wrong, in Arabic, without retyping the rest."""
        response = post(self.client, self.article, name="", email="", body="")
        self.refused(response, "يرجى كتابة اسمك", status=422)
        self.assertContains(response, "يرجى كتابة بريدك الإلكتروني", status_code=422)
        self.assertContains(response, "يرجى كتابة تعليقك", status_code=422)
        response = post(self.client, self.article, name="", body="نص أبقيه")
        self.assertContains(response, "نص أبقيه", status_code=422)

    def test_invalid_email(self):
        """An address is the only way to reach a commenter; junk is refused."""
        for email in ("not-an-email", "a@b", "<script>@x.com", "ali@exa\u202emple.com"):
            response = post(self.client, self.article, email=email)
            self.refused(response, "لا يبدو عنوان البريد الإلكتروني صحيحاً", status=422)

    def test_one_megabyte_body_is_refused(self):
        """A 1 MB paste is refused before the form is even read."""
        response = post(self.client, self.article, body="ب" * 1_000_000)
        self.refused(response, "5,000", status=413)

    def test_body_just_over_the_limit_keeps_the_other_fields(self):
        """Over 5,000 characters: a message, not a silent cut."""
        response = post(self.client, self.article, body="ب" * 5001)
        self.refused(response, "5000", status=422)

    def test_script_in_name_and_website_is_refused(self):
        """Markup and javascript: URLs never reach a page as a name or a link."""
        self.refused(
            post(self.client, self.article, name="<script>x</script>"),
            "&lt;",
            status=422,
        )
        for website in ("javascript:alert(1)", "data:text/html,x", "ftp://x.com"):
            response = post(self.client, self.article, website=website)
            self.refused(response, "http://", status=422)

    def test_script_in_body_is_stored_as_text_and_escaped(self):
        """The body is plain text: tags are shown, never run."""
        set_options(approve_known=False)
        body = '<script>alert(1)</script> <a href="javascript:x" onclick="y">z</a>'
        post(self.client, self.article, body=body)
        comment = Comment.objects.get()
        self.assertEqual(comment.body, body)
        self.assertEqual(comment.status, Status.APPROVED)
        html = self.client.get(self.article.url).content.decode()
        self.assertNotIn("<script>alert", html)
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", html)
        self.assertNotIn('href="javascript:x"', html)

    def test_bidi_overrides_are_neutralised(self):
        """RLO and friends cannot reverse what other readers see."""
        post(
            self.client, self.article, name="سارة\u202eعلي", body="نص\u202eمقلوب\u2066"
        )
        comment = Comment.objects.get()
        self.assertEqual(comment.name, "سارةعلي")
        self.assertEqual(comment.body, "نصمقلوب")

    def test_form_posted_twice(self):
        """Double-click or back-and-resend: one comment, then a clear message."""
        token = tokens.issue(self.article.pk)
        self.assertEqual(post(self.client, self.article, token=token).status_code, 302)
        response = post(self.client, self.article, token=token, body="نص آخر")
        self.assertContains(response, "أُرسل هذا التعليق من قبل", status_code=400)
        self.assertEqual(Comment.objects.count(), 1)

    def test_duplicate_comment_with_a_new_token(self):
        """The same words from the same address twice are a duplicate."""
        post(self.client, self.article)
        response = post(self.client, self.article)
        self.assertContains(response, "نشرت هذا التعليق من قبل", status_code=400)
        self.assertEqual(Comment.objects.count(), 1)

    def test_forged_and_expired_tokens(self):
        """A token must be ours, for this article, and fresh."""
        self.refused(post(self.client, self.article, token="x:y:z"), "غير صالح")
        foreign = tokens.issue(self.other.pk)
        self.refused(post(self.client, self.article, token=foreign), "غير صالح")
        old = tokens.issue(self.article.pk, now=time.time() - tokens.MAX_AGE - 5)
        self.refused(post(self.client, self.article, token=old), "انتهت صلاحية")

    def test_no_token_asks_to_confirm_on_the_uncached_form(self):
        """Without JS there is no token yet: the fallback form prints one."""
        response = post(self.client, self.article, token="", js="")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'name="token" value="')
        self.assertContains(response, "مقال مفيد")
        self.assertEqual(Comment.objects.count(), 0)

    def test_honeypot(self):
        """Form-stuffing bots fill every field, including the hidden one."""
        self.refused(post(self.client, self.article, homepage="http://x.com"), "تعذّر")

    def test_too_fast(self):
        """Posting within the minimum fill time is what scripts do."""
        set_options(min_fill_seconds=30)
        self.refused(post(self.client, self.article), "مهلاً")

    def test_flood_per_ip_and_per_email(self):
        """One comment per interval from an address or an e-mail."""
        set_options(flood_seconds=60)
        self.assertEqual(post(self.client, self.article).status_code, 302)
        response = post(self.client, self.article, email="b@example.com", body="ثان")
        self.assertEqual(response.status_code, 429)
        response = post(self.client, self.article, ip="198.51.100.1", body="ثالث")
        self.assertEqual(response.status_code, 429)
        response = post(
            self.client, self.article, ip="198.51.100.2", email="c@example.com",
            body="رابع",
        )  # fmt: skip
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Comment.objects.count(), 2)

    def _approved(self, article, **fields):
        return Comment.objects.create(
            article=article, name="ريم", email="reem@example.com",
            body=fields.pop("body", "تعليق"), status=fields.pop("status", Status.APPROVED),
            **fields,
        )  # fmt: skip

    def test_reply_to_a_comment_of_another_article(self):
        """A reply must stay in its article's thread."""
        foreign = self._approved(self.other)
        response = post(self.client, self.article, parent=str(foreign.pk))
        self.assertContains(response, "ليس على هذا المقال", status_code=400)
        self.assertEqual(Comment.objects.count(), 1)

    def test_reply_to_an_unapproved_comment(self):
        """Replying to hidden comments would reveal them."""
        hidden = self._approved(self.article, status=Status.PENDING)
        response = post(self.client, self.article, parent=str(hidden.pk))
        self.assertContains(response, "تعليق منشور", status_code=400)
        self.assertEqual(Comment.objects.count(), 1)

    def test_reply_depth_limit(self):
        """Threads stop at max_depth."""
        set_options(max_depth=2)
        top = self._approved(self.article)
        child = self._approved(self.article, parent=top, root=top, depth=2, body="رد")
        response = post(self.client, self.article, parent=str(child.pk))
        self.assertContains(response, "لا يقبل ردوداً", status_code=400)
        self.assertEqual(
            post(self.client, self.article, parent=str(top.pk)).status_code, 302
        )
        reply = Comment.objects.latest("pk")
        self.assertEqual((reply.parent, reply.root, reply.depth), (top, top, 2))

    def test_closed_article(self):
        """A closed thread refuses posts and shows a notice instead of the form."""
        CommentThread.objects.create(page=self.article, is_open=False)
        response = post(self.client, self.article)
        self.refused(response, "التعليقات مغلقة", status=403)
        html = self.client.get(self.article.url).content.decode()
        self.assertIn("التعليقات مغلقة على هذا المقال", html)
        self.assertNotIn("data-comment-form", html)

    def test_closed_automatically_after_days(self):
        """close_after_days closes old articles without an editor's action."""
        set_options(close_after_days=3)
        type(self.article).objects.filter(pk=self.article.pk).update(
            published_at=timezone.now() - timedelta(days=4)
        )
        self.refused(post(self.client, self.article), "التعليقات مغلقة", status=403)
        response = self.client.get(f"/comments/{self.article.pk}/token/")
        self.assertEqual(response.json(), {"open": False})
