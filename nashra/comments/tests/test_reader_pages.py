"""Reader pages: identical HTML for every reader, own pending comment, counts (#3, #8)."""

from django.core import mail
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from nashra.comments.models import Comment, Status
from nashra.comments.tests.helpers import newspaper_with_options, post, set_options


class ReaderPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = newspaper_with_options()
        cls.article = cls.paper["articles"][0]

    def test_form_heading_privacy_sentence_and_no_token_in_page(self):
        """The cached article page carries no per-reader token or CSRF value."""
        html = self.client.get(self.article.url).content.decode()
        self.assertIn("اترك تعليقاً", html)
        self.assertIn(
            "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *", html
        )
        self.assertIn('name="token" value=""', html)
        self.assertNotIn("csrfmiddlewaretoken", html)
        self.assertEqual(html, self.client.get(self.article.url).content.decode())

    def test_pending_comment_shown_to_its_author_only(self):
        """After posting, the author sees "awaiting moderation"; nobody else does."""
        post(self.client, self.article)
        mine = self.client.get(f"/comments/{self.article.pk}/mine/")
        self.assertIn("no-store", mine["Cache-Control"])
        self.assertIn("تعليقك بانتظار المراجعة", mine.json()["comments"][0])
        self.assertNotIn("sara@example.com", mine.content.decode())
        other = self.client_class()
        self.assertEqual(
            other.get(f"/comments/{self.article.pk}/mine/").json(), {"comments": []}
        )
        page = self.client.get(self.article.url).content.decode()
        self.assertNotIn("مقال مفيد، شكراً", page)

    def test_cookie_never_reaches_article_urls(self):
        """The reader's cookie is scoped to /comments/ so page caches never see it."""
        response = post(self.client, self.article)
        cookie = response.cookies["nashra_comments_mine"]
        self.assertEqual(cookie["path"], "/comments/")
        self.assertTrue(cookie["httponly"])

    def test_no_js_flow_shows_pending_on_uncached_form_page(self):
        """Without JS the reader lands on the form page showing their comment."""
        response = post(self.client, self.article, js="")
        self.assertIn("/form/?sent=1", response["Location"])
        page = self.client.get(response["Location"])
        self.assertIn("no-store", page["Cache-Control"])
        self.assertContains(page, "تعليقك بانتظار المراجعة")

    def test_token_endpoint_is_uncached(self):
        response = self.client.get(f"/comments/{self.article.pk}/token/")
        self.assertIn("no-store", response["Cache-Control"])
        self.assertTrue(response.json()["token"])

    def test_editors_are_emailed_about_a_pending_comment(self):
        """Section editors hear of a waiting comment; the e-mail omits the address."""
        from django.contrib.auth.models import User

        User.objects.create_superuser("editor", "editor@example.com", "x")
        post(self.client, self.article)
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, ["editor@example.com"])
        self.assertIn("مقال مفيد", mail.outbox[0].body)

    def test_known_author_is_approved_and_hold_all_wins(self):
        """WordPress's rules: earlier approved name+e-mail publishes; hold-all holds."""
        Comment.objects.create(
            article=self.article, name="سارة علي", email="sara@example.com",
            body="سابق", status=Status.APPROVED,
        )  # fmt: skip
        post(self.client, self.article)
        self.assertEqual(Comment.objects.latest("pk").status, Status.APPROVED)
        set_options(hold_all=True)
        post(self.client, self.article, body="تعليق ثالث")
        self.assertEqual(Comment.objects.latest("pk").status, Status.PENDING)

    def test_links_hold_and_block_list_spams(self):
        """More than max_links links is held; a block-list word goes to spam."""
        set_options(approve_known=False, block_list="كازينو", max_links=2)
        body = "https://a.example https://b.example https://c.example"
        post(self.client, self.article, body=body)
        self.assertEqual(Comment.objects.latest("pk").status, Status.PENDING)
        post(self.client, self.article, body="أفضل كآزينو")
        self.assertEqual(Comment.objects.latest("pk").status, Status.SPAM)
        self.assertEqual(Comment.objects.count(), 2)

    def test_published_threads_avatar_link_and_count(self):
        """Approved comments show threaded with a local avatar and a nofollow link."""
        top = Comment.objects.create(
            article=self.article, name="ريم", email="reem@example.com",
            website="https://reem.example", body="أولاً", status=Status.APPROVED,
        )  # fmt: skip
        Comment.objects.create(
            article=self.article, parent=top, root=top, depth=2, name="علي",
            email="ali@example.com", body="ردّ", status=Status.APPROVED,
        )  # fmt: skip
        from nashra.comments import counts

        counts.refresh(self.article.pk)
        html = self.client.get(self.article.url).content.decode()
        self.assertIn('href="https://reem.example" rel="nofollow ugc noopener"', html)
        self.assertIn("comment-list--replies", html)
        self.assertIn("<svg", html)
        self.assertNotIn("reem@example.com", html)
        self.assertNotIn("gravatar", html)
        self.assertIn("تعليقان", html)
        home = self.client.get(self.paper["home"].url).content.decode()
        self.assertIn("card__comments", home)


class QueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = newspaper_with_options()
        cls.article = cls.paper["articles"][0]

    def _add(self, n):
        roots = Comment.objects.bulk_create(
            Comment(article=self.article, name=f"قارئ {i}", email=f"r{i}@example.com",
                    body=f"تعليق {i}", status=Status.APPROVED)
            for i in range(n)
        )  # fmt: skip
        Comment.objects.bulk_create(
            Comment(article=self.article, parent=r, root=r, depth=2, name="ردّ",
                    email="x@example.com", body="ردّ", status=Status.APPROVED)
            for r in roots
        )  # fmt: skip
        from nashra.comments import counts

        counts.refresh(self.article.pk)

    def _queries(self):
        self.client.get(self.article.url)  # warm caches
        with CaptureQueriesContext(connection) as captured:
            self.assertEqual(self.client.get(self.article.url).status_code, 200)
        return len(captured)

    def test_article_page_queries_do_not_grow_with_comments(self):
        """An article with 40 threads costs what one with 2 does (N+1 guard)."""
        self._add(2)
        few = self._queries()
        self._add(38)
        self.assertEqual(self._queries(), few)

    def test_card_lists_count_in_constant_queries(self):
        """Cards show counts from the cache: no query per card."""
        self._add(3)
        url = self.paper["home"].url
        self.client.get(url)
        with CaptureQueriesContext(connection) as captured:
            self.client.get(url)
        before = len(captured)
        other = self.paper["articles"][1]
        Comment.objects.create(article=other, name="س", email="s@example.com",
                               body="ب", status=Status.APPROVED)  # fmt: skip
        from nashra.comments import counts

        counts.refresh(other.pk)
        self.client.get(url)
        with CaptureQueriesContext(connection) as captured:
            self.client.get(url)
        self.assertEqual(len(captured), before)

    def test_article_without_a_thread_row_asks_for_it_once(self):
        """Most articles never had a comment: no second lookup of the thread (#8)."""
        from nashra.comments.models import CommentThread

        CommentThread.objects.filter(page_id=self.article.pk).delete()
        found = []
        with self.settings(PAGE_CACHE=False):
            for _ in range(2):
                with CaptureQueriesContext(connection) as captured:
                    self.client.get(self.article.url)
                found.append(
                    [q for q in captured if 'FROM "comments_commentthread"' in q["sql"]]
                )
        # Read on the first request (with the cards' count warm-up), then
        # from the fragment cache until the article's group moves.
        self.assertTrue(found[0])
        self.assertEqual(found[1], [])
