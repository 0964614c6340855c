"""The entries API refuses whoever may not publish, and bad bodies (#15)."""

from django.test import Client, TestCase

from nashra.live.models import LiveEntry, PublishingToken
from nashra.live.tests.base import LiveDesk


class RefusalTests(LiveDesk, TestCase):
    def assertRefused(self, response, status, reason):
        self.assertEqual(response.status_code, status, response.content)
        data = response.json()
        self.assertEqual(data["error"], reason)
        # Both languages, for the tool's log and for the newsroom.
        self.assertTrue(data["message"].isascii())
        self.assertRegex(data["message_ar"], "[\u0600-\u06ff]")
        self.assertFalse(LiveEntry.objects.exists())

    def test_no_token_is_401(self):
        response = self.post({"body": "نص"})
        self.assertRefused(response, 401, "unauthorised")
        self.assertIn("Bearer", response["WWW-Authenticate"])

    def test_a_wrong_or_malformed_token_is_401(self):
        for token in ("nashra_wrong", self.editor_token + "x", "", "Basic abc"):
            self.assertRefused(self.post({"body": "نص"}, token), 401, "unauthorised")
        response = Client().post(
            f"/api/v1/live/{self.live.pk}/entries/", "{}", "application/json",
            HTTP_AUTHORIZATION=self.editor_token,
        )  # fmt: skip
        self.assertRefused(response, 401, "unauthorised")

    def test_a_deactivated_user_token_is_401(self):
        self.editor.is_active = False
        self.editor.save()
        self.assertRefused(self.post({"body": "نص"}, self.editor_token), 401,
                           "unauthorised")  # fmt: skip

    def test_a_role_that_may_not_publish_is_403(self):
        """A contributor writes drafts for an editor to publish: the API must
        not let them publish behind the newsroom's back."""
        self.assertRefused(
            self.post({"body": "نص"}, self.contributor_token), 403, "forbidden"
        )

    def test_bad_bodies_are_422(self):
        cases = [
            (b"\xff\xfe", "not_json"),
            ("not json", "not_json"),
            ([1, 2], "not_json"),
            ({}, "no_text"),
            ({"body": ""}, "no_text"),
            ({"body": "   \n\n  "}, "no_text"),
            ({"body": 42}, "no_text"),
            ({"body": "x" * 10_001}, "no_text"),
            ({"body": "نص", "pinned": "yes"}, "not_flag"),
        ]
        for body, reason in cases:
            with self.subTest(body=str(body)[:20]):
                self.assertRefused(self.post(body, self.editor_token), 422, reason)

    def test_no_such_live_page_is_404(self):
        response = self.post({"body": "نص"}, self.editor_token, page=self.world)
        self.assertRefused(response, 404, "not_found")

    def test_other_methods_are_not_allowed_on_entries(self):
        response = Client().put(f"/api/v1/live/{self.live.pk}/entries/")
        self.assertEqual(response.status_code, 405)


class PostingTests(LiveDesk, TestCase):
    def test_an_editor_posts_an_entry(self):
        response = self.post(
            {"body": "فرز الأصوات بدأ.\n\n<b>النتائج</b> بعد ساعة", "key_event": True,
             "source": "wire"},
            self.editor_token,
        )  # fmt: skip
        self.assertEqual(response.status_code, 201, response.content)
        entry = LiveEntry.objects.get(pk=response.json()["id"])
        self.assertEqual(entry.author, self.editor)
        self.assertTrue(entry.key_event)
        self.assertEqual(
            [block.block_type for block in entry.body], ["paragraph", "paragraph"]
        )
        # Text is text: markup sent by another tool is shown, never run.
        self.assertIn("&lt;b&gt;", str(entry.body[1].value.source))
        self.assertTrue(response.json()["url"].endswith(f"/live/entry/{entry.pk}/"))

    def test_only_the_hash_of_a_token_is_stored(self):
        stored = PublishingToken.objects.values_list("digest", flat=True)
        self.assertNotIn(self.editor_token, list(stored))
        self.assertEqual(len(stored[0]), 64)

    def test_live_pages_are_listed_with_id_and_url(self):
        response = Client().get("/api/v1/live/")
        self.assertEqual(response.status_code, 200)
        items = response.json()["items"]
        self.assertEqual([item["id"] for item in items], [self.live.pk])
        self.assertTrue(items[0]["url"].endswith(self.live.url))
