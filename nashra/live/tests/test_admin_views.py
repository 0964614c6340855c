"""The live desk: publish, edit, pin, mark and delete without a reload (#15)."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, TestCase
from wagtail.images import get_image_model

from nashra.images.factories import jpeg_bytes
from nashra.live import stream
from nashra.live.factories import post_text
from nashra.live.models import LiveEntry
from nashra.live.tests.base import LiveDesk, readable


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


class DeskBlockTests(LiveDesk, TestCase):
    """The desk's one box holds the blocks an article has (#15): text, a
    quotation, a link to a post or a video; a photo with its caption goes
    with it. Each is published by Enter, as text is."""

    def setUp(self):
        super().setUp()
        self.client.force_login(self.editor)
        self.base = f"/admin/live/{self.live.pk}/"

    def publish(self, **data):
        return self.client.post(self.base + "publish/", data)

    def test_quotation_and_link_from_the_text_box(self):
        box = (
            "بدأ الفرز في العاصمة.\n\n"
            "> الإقبال فاق التوقعات\n> — رئيس اللجنة\n\n"
            "https://video.example/watch?v=42\nمؤتمر اللجنة"
        )
        self.assertEqual(self.publish(body=box).status_code, 201)
        entry = LiveEntry.objects.get()
        self.assertEqual(
            [b.block_type for b in entry.body], ["paragraph", "quote", "embed"]
        )
        self.assertEqual(entry.body[1].value["source"], "رئيس اللجنة")
        self.assertEqual(entry.body[2].value["caption"], "مؤتمر اللجنة")
        page = readable(Client().get(self.live.url))
        self.assertIn("<blockquote>", page)
        self.assertIn('href="https://video.example/watch?v=42"', page)
        # The desk shows it as it was typed, to edit it in place.
        self.assertEqual(stream.entry_source(entry), box)

    def test_an_address_that_is_not_a_link_stays_text(self):
        self.publish(body="javascript:alert(1)\n\nhttps://bad address.example")
        entry = LiveEntry.objects.get()
        self.assertEqual([b.block_type for b in entry.body], ["paragraph"] * 2)

    def test_a_photo_with_its_caption(self):
        photo = SimpleUploadedFile("vote.jpg", jpeg_bytes(), "image/jpeg")
        response = self.publish(body="صورة من مركز الاقتراع", image=photo,
                                caption="طابور الناخبين")  # fmt: skip
        self.assertEqual(response.status_code, 201)
        self.assertIn("طابور الناخبين", response.json()["rows"])
        entry = LiveEntry.objects.get()
        self.assertEqual([b.block_type for b in entry.body], ["image", "paragraph"])
        image = entry.body[0].value["image"]
        self.assertEqual(image.uploaded_by_user, self.editor)
        page = readable(Client().get(self.live.url))
        self.assertIn('class="body-image"', page)
        self.assertIn("طابور الناخبين", page)
        # Editing the text keeps the photo, which the text box does not show.
        url = f"{self.base}entries/{entry.pk}/"
        self.client.post(url, {"action": "edit", "body": "نص معدل"})
        entry.refresh_from_db()
        self.assertEqual([b.block_type for b in entry.body], ["image", "paragraph"])

    def test_a_photo_alone_is_an_update_but_not_a_text_file(self):
        images = get_image_model().objects.count()
        photo = SimpleUploadedFile("vote.jpg", jpeg_bytes(), "image/jpeg")
        self.assertEqual(self.publish(body="", image=photo).status_code, 201)
        fake = SimpleUploadedFile("vote.jpg", b"not an image", "image/jpeg")
        response = self.publish(body="نص", image=fake)
        self.assertEqual(response.status_code, 422)
        self.assertTrue(response.json()["error"])
        self.assertEqual(LiveEntry.objects.count(), 1)
        self.assertEqual(get_image_model().objects.count(), images + 1)
