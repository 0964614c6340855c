"""One click per comment in the queue, and its keyboard shortcuts (#14)."""

from django.contrib.auth.models import User
from django.test import TestCase
from lxml import html

from nashra.comments.models import Comment, Status
from nashra.comments.tests.helpers import newspaper_with_options

QUEUE = "/admin/comments/"


class OneClickTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = newspaper_with_options()["articles"][0]
        cls.admin = User.objects.create_superuser("chief", "chief@example.com", "pw")

    def setUp(self):
        self.client.force_login(self.admin)
        self.first, self.second = (
            Comment.objects.create(article=self.article, name="ريم", email="r@example.com",
                                   body=f"تعليق {n}", status=Status.PENDING)
            for n in range(2)
        )  # fmt: skip

    def status(self, comment):
        comment.refresh_from_db()
        return comment.status

    def test_each_row_has_its_own_buttons_with_shortcuts(self):
        tree = html.fromstring(self.client.get(QUEUE).content.decode())
        row = tree.xpath(f'//tr[@data-comment-row="{self.first.pk}"]')[0]
        buttons = {
            b.get("value"): b.get("data-shortcut") for b in row.xpath(".//button")
        }
        self.assertEqual(
            buttons,
            {f"approve:{self.first.pk}": "a", f"spam:{self.first.pk}": "s",
             f"trash:{self.first.pk}": "t"},
        )  # fmt: skip
        scripts = tree.xpath("//script/@src")
        self.assertTrue(any(src.endswith("comments/queue.js") for src in scripts))

    def test_approve_in_one_click_touches_that_comment_only(self):
        response = self.client.post(QUEUE, {"row": f"approve:{self.first.pk}"})
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.status(self.first), Status.APPROVED)
        self.assertEqual(self.status(self.second), Status.PENDING)

    def test_spam_in_one_click_wins_over_the_ticked_boxes(self):
        """The row's button says which comment: ticked boxes elsewhere stay."""
        self.client.post(
            QUEUE,
            {
                "row": f"spam:{self.second.pk}",
                "ids": [self.first.pk],
                "action": "trash",
            },
        )
        self.assertEqual(self.status(self.second), Status.SPAM)
        self.assertEqual(self.status(self.first), Status.PENDING)

    def test_a_forged_row_value_changes_nothing(self):
        for value in ("delete:1", "approve:²", "approve:", "approve:x", ":"):
            with self.subTest(value=value):
                response = self.client.post(QUEUE, {"row": value})
                self.assertEqual(response.status_code, 302)
        self.assertEqual(self.status(self.first), Status.PENDING)
        self.assertTrue(Comment.objects.filter(pk=self.first.pk).exists())

    def test_an_approved_comment_offers_no_approve_button(self):
        self.first.status = Status.APPROVED
        self.first.save()
        page = self.client.get(QUEUE, {"status": "approved"}).content.decode()
        self.assertNotIn(f'value="approve:{self.first.pk}"', page)
        self.assertIn(f'value="spam:{self.first.pk}"', page)
