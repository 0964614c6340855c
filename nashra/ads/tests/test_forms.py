"""Ad code runs on every reader's page: only staff trusted with it may add
or change it, as with custom HTML blocks (#4, #20)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import TestCase
from wagtail.admin.panels import get_edit_handler

from nashra.ads.forms import AdSlotForm
from nashra.ads.models import AdSlot

CODE = '<script async src="https://ads.example-network.test/tag.js"></script>'


class AdCodePermissionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        users = get_user_model().objects
        cls.editor = users.create_user("editor", password="x", is_staff=True)
        cls.trusted = users.create_user("trusted", password="x", is_staff=True)
        group = Group.objects.create(name="ad code")
        group.permissions.add(Permission.objects.get(codename="edit_ad_code"))
        cls.trusted.groups.add(group)

    def form(self, user, instance=None, **values):
        form_class = get_edit_handler(AdSlot).get_form_class()
        self.assertTrue(issubclass(form_class, AdSlotForm))
        data = {"name": "أعلى", "placement": "header", "position": "3", "width": "728",
                "height": "90", "kind": "code", "code": CODE, "hosts": "",
                "link": "", "alt": "", "live": "on", **values}  # fmt: skip
        return form_class(data, instance=instance, for_user=user)

    def test_editor_without_permission_cannot_add_code(self):
        form = self.form(self.editor)
        self.assertFalse(form.is_valid())
        self.assertIn("code", form.errors)

    def test_editor_cannot_add_hosts_to_the_policy_either(self):
        slot = AdSlot.objects.create(
            name="x", placement="header", kind="code", code=CODE
        )
        form = self.form(self.editor, slot, name="x", hosts="evil.example")
        self.assertFalse(form.is_valid())
        self.assertIn("code", form.errors)

    def test_editor_may_move_a_slot_without_touching_its_code(self):
        slot = AdSlot.objects.create(
            name="x", placement="header", kind="code", code=CODE
        )
        form = self.form(self.editor, slot, name="x", placement="sidebar")
        self.assertTrue(form.is_valid(), form.errors)

    def test_trusted_staff_can(self):
        self.assertTrue(self.form(self.trusted).is_valid())

    def test_a_house_ad_needs_image_and_link(self):
        form = self.form(self.trusted, kind="house", code="")
        self.assertFalse(form.is_valid())
        self.assertIn("image", form.errors)

    def test_end_after_start(self):
        form = self.form(
            self.trusted, starts_at="2026-12-02 10:00", ends_at="2026-12-01 10:00"
        )
        self.assertFalse(form.is_valid())
        self.assertIn("ends_at", form.errors)
