"""The editor's preview, test send, draft from today's stories and send (#19)."""

from django.contrib.auth.models import User
from django.core import mail
from django.test import TestCase
from django.urls import reverse

from nashra.comments.tests.helpers import newspaper_with_options
from nashra.newsletters.models import Edition, Status
from nashra.newsletters.tests.helpers import OUTBOX, confirmed, make_lists


@OUTBOX
class AdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = newspaper_with_options()
        cls.lists = make_lists()
        confirmed("reader@example.com", cls.lists["morning"])
        cls.editor = User.objects.create_superuser("editor", "editor@example.com", "pw")
        cls.reader = User.objects.create_user("reader", "r@example.com", "pw")

    def setUp(self):
        self.client.force_login(self.editor)

    def draft(self):
        url = reverse("newsletters_admin:draft", args=[self.lists["morning"].pk])
        self.assertContains(self.client.get(url), "<form")
        response = self.client.post(url)
        edition = Edition.objects.get()
        self.assertRedirects(
            response,
            reverse("wagtailsnippets_newsletters_edition:edit", args=[edition.pk]),
        )
        return edition

    def test_a_draft_holds_todays_stories_and_the_editor_edits_it(self):
        edition = self.draft()
        self.assertEqual(edition.status, Status.DRAFT)
        self.assertEqual(edition.stories.count(), len(self.paper["articles"]))
        edit = reverse("wagtailsnippets_newsletters_edition:edit", args=[edition.pk])
        self.assertEqual(self.client.get(edit).status_code, 200)

    def test_preview_test_send_and_send(self):
        edition = self.draft()
        preview = self.client.get(
            reverse("newsletters_admin:preview", args=[edition.pk])
        )
        self.assertContains(preview, 'dir="rtl"')
        self.assertIn("default-src 'none'", preview["Content-Security-Policy"])
        send = reverse("newsletters_admin:send", args=[edition.pk])
        self.assertEqual(self.client.get(send).status_code, 200)
        self.client.post(send, {"test": "1"})
        self.assertEqual([m.to for m in mail.outbox], [["editor@example.com"]])
        self.assertTrue(mail.outbox[0].subject.startswith("[تجربة]"))
        edition.refresh_from_db()
        self.assertEqual(edition.status, Status.DRAFT, "a test is not the send")
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(send, {"send": "1"})
        self.assertEqual(mail.outbox[-1].to, ["reader@example.com"])
        edition.refresh_from_db()
        self.assertEqual(edition.status, Status.SENT)

    def test_the_lists_and_editions_are_in_the_admin(self):
        for name in ("newsletterlist", "edition"):
            url = reverse(f"wagtailsnippets_newsletters_{name}:list")
            self.assertEqual(self.client.get(url).status_code, 200)

    def test_readers_without_the_permission_are_refused(self):
        self.client.force_login(self.reader)
        edition = Edition.objects.create(newsletter=self.lists["morning"], subject="x")
        for url in (
            reverse("newsletters_admin:preview", args=[edition.pk]),
            reverse("newsletters_admin:send", args=[edition.pk]),
        ):
            self.assertNotEqual(self.client.get(url).status_code, 200)
