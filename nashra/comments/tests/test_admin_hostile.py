"""The moderation screens and GDPR tools on awkward input, and what each action moves.

Moderators paste addresses in any case and send forms with any ids; each
action must change exactly what it says, recount, and never answer 500.
"""

import json

from django.contrib.auth.models import Permission, User
from django.test import TestCase

from nashra.comments import counts
from nashra.comments.models import Comment, CommentThread, Status
from nashra.comments.privacy import anonymise_ip, erase_for_email, export_for_email
from nashra.comments.tests.helpers import newspaper_with_options

QUEUE = "/admin/comments/"


class Moderation(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = newspaper_with_options()
        cls.article, cls.other = cls.paper["articles"][:2]
        cls.admin = User.objects.create_superuser("chief", "chief@example.com", "pw")

    def setUp(self):
        self.client.force_login(self.admin)

    def comment(self, status=Status.PENDING, article=None, **fields):
        values = {"name": "ريم", "email": "reem@example.com", "body": "تعليق", **fields}
        return Comment.objects.create(
            article=article or self.article, status=status, **values
        )

    def test_ids_and_filters_with_unicode_digits_are_ignored(self):
        """ "²".isdigit() is true; int("²") raised a 500 in the queue."""
        first = self.comment()
        response = self.client.post(
            QUEUE, {"action": "approve", "ids": ["²", str(first.pk)]}
        )
        self.assertEqual(response.status_code, 302)
        first.refresh_from_db()
        self.assertEqual(first.status, Status.APPROVED)
        self.assertEqual(self.client.get(QUEUE + "?article=²").status_code, 200)

    def test_an_unknown_status_tab_falls_back_to_pending(self):
        self.comment(body="ينتظر")
        response = self.client.get(QUEUE + "?status=<script>")
        self.assertContains(response, "ينتظر")
        self.assertNotContains(response, "<script>")

    def test_a_very_long_search_is_cut_not_refused(self):
        response = self.client.get(QUEUE + "?q=" + "ب" * 5000)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(len(response.context["query"]), 200)

    def test_an_unknown_action_changes_nothing(self):
        pending = self.comment()
        response = self.client.post(
            QUEUE, {"action": "drop table", "ids": [pending.pk]}
        )
        self.assertEqual(response.status_code, 302)
        pending.refresh_from_db()
        self.assertEqual(pending.status, Status.PENDING)

    def test_each_bulk_action_moves_and_recounts(self):
        comments = [self.comment(body=f"ت{n}") for n in range(3)]
        ids = [c.pk for c in comments]
        self.client.post(QUEUE, {"action": "approve", "ids": ids})
        self.assertEqual(counts.published_count(self.article.pk), 3)
        self.client.post(QUEUE, {"action": "spam", "ids": ids[:1]})
        self.assertEqual(counts.published_count(self.article.pk), 2)
        self.client.post(QUEUE, {"action": "trash", "ids": ids[1:2]})
        self.client.post(QUEUE, {"action": "delete", "ids": ids[2:]})
        self.assertEqual(counts.published_count(self.article.pk), 0)
        self.assertEqual(
            dict(Comment.objects.values_list("pk", "status")),
            {ids[0]: Status.SPAM, ids[1]: Status.TRASH},
        )

    def test_bulk_actions_stop_at_five_hundred_ids(self):
        made = Comment.objects.bulk_create(
            Comment(article=self.article, name="ن", email=f"{n}@example.com",
                    body=f"ت{n}", status=Status.PENDING)
            for n in range(502)
        )  # fmt: skip
        self.client.post(QUEUE, {"action": "approve", "ids": [c.pk for c in made]})
        self.assertEqual(Comment.objects.filter(status=Status.APPROVED).count(), 500)

    def test_editing_a_comment_changes_its_status_through_moderation(self):
        pending = self.comment()
        response = self.client.post(
            f"{QUEUE}{pending.pk}/edit/",
            {"name": "ريم", "email": "reem@example.com", "website": "",
             "body": "نص معدل", "status": Status.APPROVED},
        )  # fmt: skip
        self.assertEqual(response.status_code, 302)
        pending.refresh_from_db()
        self.assertEqual((pending.body, pending.status), ("نص معدل", Status.APPROVED))
        self.assertEqual(counts.published_count(self.article.pk), 1)

    def test_editing_refuses_a_javascript_website(self):
        pending = self.comment()
        response = self.client.post(
            f"{QUEUE}{pending.pk}/edit/",
            {"name": "ريم", "email": "reem@example.com", "body": "ن",
             "website": "javascript:alert(1)", "status": Status.PENDING},
        )  # fmt: skip
        self.assertEqual(response.status_code, 200)
        pending.refresh_from_db()
        self.assertEqual(pending.website, "")

    def test_a_staff_reply_publishes_the_question_too(self):
        question = self.comment()
        self.client.post(f"{QUEUE}{question.pk}/reply/", {"body": "شكراً لك"})
        question.refresh_from_db()
        reply = Comment.objects.get(parent=question)
        self.assertEqual(question.status, Status.APPROVED)
        self.assertTrue(reply.is_staff_reply)
        self.assertEqual((reply.root, reply.depth), (question, 2))
        self.assertEqual(counts.published_count(self.article.pk), 2)

    def test_an_empty_staff_reply_is_refused(self):
        question = self.comment()
        response = self.client.post(f"{QUEUE}{question.pk}/reply/", {"body": "\u200b "})
        self.assertEqual(response.status_code, 200)
        self.assertFalse(Comment.objects.filter(parent=question).exists())

    def test_missing_comments_and_articles_are_404(self):
        for url in (
            f"{QUEUE}999999/edit/",
            f"{QUEUE}999999/reply/",
            f"{QUEUE}article/999999/",
        ):
            self.assertEqual(self.client.get(url).status_code, 404, url)

    def test_closing_and_reopening_a_thread(self):
        url = f"{QUEUE}article/{self.article.pk}/"
        self.client.post(url, {"is_open": "0"})
        self.assertFalse(CommentThread.objects.get(pk=self.article.pk).is_open)
        self.client.post(url, {"is_open": "1"})
        self.assertTrue(CommentThread.objects.get(pk=self.article.pk).is_open)

    def test_an_editor_without_the_permission_is_refused_everywhere(self):
        editor = User.objects.create_user("ed", "ed@example.com", "pw", is_staff=True)
        editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
        pending = self.comment()
        self.client.force_login(editor)
        for url in (QUEUE, f"{QUEUE}{pending.pk}/edit/", f"{QUEUE}personal-data/"):
            self.assertIn(self.client.get(url).status_code, (302, 403), url)
        self.client.post(QUEUE, {"action": "approve", "ids": [pending.pk]})
        pending.refresh_from_db()
        self.assertEqual(pending.status, Status.PENDING)


class PersonalData(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = newspaper_with_options()
        cls.article = cls.paper["articles"][0]
        cls.admin = User.objects.create_superuser("dpo", "dpo@example.com", "pw")

    def comment(self, email, **fields):
        return Comment.objects.create(
            article=self.article, name="ق", email=email, body=fields.pop("body", "ت"),
            status=fields.pop("status", Status.APPROVED), **fields,
        )  # fmt: skip

    def test_export_and_erase_find_addresses_in_any_case(self):
        """Imported WordPress comments keep the case the reader typed: a GDPR
        request for sara@example.com must find Sara@Example.COM too."""
        self.comment("Sara@Example.COM", body="قديم من ووردبريس")
        self.comment("sara@example.com", body="جديد")
        self.comment("other@example.com")
        exported = export_for_email(" SARA@example.com ")
        self.assertEqual(
            {row["comment"] for row in exported}, {"قديم من ووردبريس", "جديد"}
        )
        self.assertEqual(erase_for_email("sara@EXAMPLE.com"), 2)
        self.assertEqual(
            list(Comment.objects.values_list("email", flat=True)), ["other@example.com"]
        )
        self.assertEqual(counts.published_count(self.article.pk), 1)

    def test_erasure_keeps_other_readers_replies_under_an_empty_comment(self):
        """Deleting an erased comment took every reply under it, other
        readers' words among them; now it stays, emptied, in their thread."""
        root = self.comment("sara@example.com", body="رأي سارة", ip="203.0.113.5")
        other = self.comment("omar@example.com", body="رد عمر", parent=root, root=root,
                             depth=2)  # fmt: skip
        own_reply = self.comment("sara@example.com", body="رد سارة على عمر",
                                 parent=other, root=root, depth=3)  # fmt: skip
        alone = self.comment("sara@example.com", body="تعليق بلا ردود")
        self.assertEqual(erase_for_email("sara@example.com"), 3)
        self.assertFalse(Comment.objects.filter(pk__in=[own_reply.pk, alone.pk]))
        root.refresh_from_db()
        self.assertTrue(root.erased)
        self.assertEqual(
            (root.name, root.email, root.body, root.ip), ("", "", "", None)
        )
        self.assertTrue(Comment.objects.filter(pk=other.pk, parent=root).exists())
        self.assertEqual(counts.published_count(self.article.pk), 1)
        self.assertEqual(export_for_email("sara@example.com"), [])
        html = self.client.get(self.article.url).content.decode()
        self.assertIn("رد عمر", html)
        self.assertIn("حُذف هذا التعليق بطلب كاتبه", html)
        self.assertNotIn("رأي سارة", html)

    def test_export_holds_every_field_and_no_other_reader(self):
        self.comment(
            "sara@example.com", ip="203.0.113.5", website="https://sara.example"
        )
        self.comment("other@example.com", body="ليس لها")
        (row,) = export_for_email("sara@example.com")
        self.assertEqual(row["ip"], "203.0.113.5")
        self.assertEqual(row["website"], "https://sara.example")
        self.assertEqual(row["article"], self.article.title)
        self.assertNotIn("ليس لها", json.dumps(row, ensure_ascii=False))

    def test_the_admin_export_is_a_private_json_download(self):
        self.comment("sara@example.com")
        self.client.force_login(self.admin)
        response = self.client.post(
            "/admin/comments/personal-data/",
            {"email": "Sara@Example.com", "action": "export"},
        )
        self.assertEqual(response["Content-Type"], "application/json; charset=utf-8")
        self.assertIn("attachment;", response["Content-Disposition"])
        self.assertIn("private", response["Cache-Control"])
        self.assertIn("no-store", response["Cache-Control"])
        self.assertEqual(len(json.loads(response.content)["comments"]), 1)

    def test_erasing_in_the_admin_needs_the_confirmation(self):
        self.comment("sara@example.com")
        self.client.force_login(self.admin)
        url = "/admin/comments/personal-data/"
        response = self.client.post(
            url, {"email": "sara@example.com", "action": "erase"}
        )
        self.assertEqual(response.context["found"], 1)
        self.assertTrue(Comment.objects.exists())
        self.client.post(
            url, {"email": "sara@example.com", "action": "erase", "confirm": "1"}
        )
        self.assertFalse(Comment.objects.exists())

    def test_a_lookup_counts_addresses_in_any_case(self):
        self.comment("Sara@Example.com")
        self.client.force_login(self.admin)
        response = self.client.post(
            "/admin/comments/personal-data/", {"email": "sara@example.com"}
        )
        self.assertEqual(response.context["found"], 1)

    def test_an_invalid_address_is_a_form_error(self):
        self.client.force_login(self.admin)
        response = self.client.post(
            "/admin/comments/personal-data/",
            {"email": "not an address", "action": "erase", "confirm": "1"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.context["form"].errors)


def test_anonymise_ip_keeps_only_the_network():
    assert anonymise_ip("203.0.113.77") == "203.0.113.0"
    assert anonymise_ip("2001:db8:abcd:12:1:2:3:4") == "2001:db8:abcd::"
    assert anonymise_ip("::ffff:203.0.113.77") == "::"
    assert anonymise_ip("not an ip") is None
    assert anonymise_ip("") is None
