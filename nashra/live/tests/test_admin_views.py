"""The live desk: publish, edit, pin, mark and delete without a reload (#15)."""

from django.test import TestCase

from nashra.live.factories import post_text
from nashra.live.models import LiveEntry
from nashra.live.tests.base import LiveDesk


class DeskTests(LiveDesk, TestCase):
    def setUp(self):
        super().setUp()
        self.client.force_login(self.editor)
        self.base = f"/admin/live/{self.live.pk}/"

    def test_the_desk_opens_and_publishes_in_one_request(self):
        response = self.client.get(self.base)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "data-desk-form")
        response = self.client.post(
            self.base + "publish/", {"body": "عاجل من المكتب", "key_event": "1"}
        )
        self.assertEqual(response.status_code, 201)
        self.assertIn("عاجل من المكتب", response.json()["rows"])
        entry = LiveEntry.objects.get()
        self.assertEqual(entry.author, self.editor)
        self.assertTrue(entry.key_event)

    def test_an_empty_update_is_refused_with_a_message(self):
        response = self.client.post(self.base + "publish/", {"body": "  "})
        self.assertEqual(response.status_code, 422)
        self.assertTrue(response.json()["error"])
        self.assertFalse(LiveEntry.objects.exists())

    def test_edit_pin_key_event_and_delete(self):
        entry = post_text(self.live, "نص أول", self.editor)
        url = f"{self.base}entries/{entry.pk}/"
        self.client.post(url, {"action": "edit", "body": "نص معدل"})
        self.client.post(url, {"action": "pin"})
        self.client.post(url, {"action": "key"})
        entry.refresh_from_db()
        self.assertTrue(entry.edited and entry.pinned and entry.key_event)
        self.assertIn("نص معدل", str(entry.body[0].value))
        response = self.client.post(url, {"action": "delete"})
        self.assertNotIn("نص معدل", response.json()["rows"])
        entry.refresh_from_db()
        self.assertTrue(entry.deleted)
        self.assertEqual(self.client.post(url, {"action": "pin"}).status_code, 404)
        self.assertEqual(
            self.client.post(self.base + "publish/", {"body": "x"}).status_code, 201
        )
        other = LiveEntry.objects.latest("pk")
        response = self.client.post(f"{self.base}entries/{other.pk}/", {"action": "x"})
        self.assertEqual(response.status_code, 422)

    def test_a_contributor_may_not_use_the_desk(self):
        self.client.force_login(self.contributor)
        # Wagtail's admin turns the refusal into a redirect with a message.
        self.assertIn(self.client.get(self.base).status_code, (302, 403))
        response = self.client.post(self.base + "publish/", {"body": "نص"})
        self.assertIn(response.status_code, (302, 403))
        self.assertFalse(LiveEntry.objects.exists())
