"""Wagtail's default names and labels come out in Arabic (#12)."""

import importlib
from pathlib import Path

import polib
import wagtail
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.test import TestCase
from wagtail.models import Collection, Page, Task, Workflow
from wagtail.sites.views import IndexView as SiteIndexView
from wagtail.users.forms import PagePermissionsForm

from nashra.core.permissions import translate_permission_names
from nashra.core.wagtail_messages import WAGTAIL_MESSAGES

REVIEW = "مراجعة المحرر"
MIGRATION = importlib.import_module(
    "nashra.core.migrations.0002_arabic_workflow_and_groups"
)


class DefaultNamesTests(TestCase):
    def names(self):
        return {
            # Wagtail's own groups; the newsroom's roles are tested in newsroom (#14).
            "groups": set(
                Group.objects.filter(newsroom_role__isnull=True).values_list(
                    "name", flat=True
                )
            ),
            # Wagtail's default; the editor review is the newsroom's (#14).
            "workflow": Workflow.objects.exclude(name=REVIEW).get().name,
            "task": Task.objects.exclude(name=REVIEW).get().name,
            "root": Page.objects.get(depth=1).title,
            "collection": Collection.objects.get(depth=1).name,
        }

    def test_migrated_database_has_arabic_names(self):
        """«تقديم إلى Moderators approval» was on every submit button."""
        self.assertEqual(self.names(), {
            "groups": {"المحررون", "المشرفون"}, "workflow": "موافقة المشرفين",
            "task": "موافقة المشرفين", "root": "الجذر", "collection": "الجذر",
        })  # fmt: skip

    def test_reverse_restores_english_then_forward_is_arabic_again(self):
        MIGRATION.to_english(apps, None)
        self.assertEqual(self.names(), {
            "groups": {"Editors", "Moderators"}, "workflow": "Moderators approval",
            "task": "Moderators approval", "root": "Root", "collection": "Root",
        })  # fmt: skip
        self.assertEqual(Page.objects.get(depth=1).draft_title, "Root")
        MIGRATION.to_arabic(apps, None)
        self.assertEqual(self.names()["workflow"], "موافقة المشرفين")

    def test_a_newsroom_own_names_are_kept(self):
        """A group someone renamed, or a second one, is nobody's default."""
        MIGRATION.to_english(apps, None)
        Group.objects.filter(name="Editors").update(name="Desk")
        Workflow.objects.exclude(name=REVIEW).update(name="Two-step check")
        Group.objects.create(name="المشرفون")  # a newsroom's own, already Arabic
        MIGRATION.to_arabic(apps, None)
        names = self.names()
        self.assertEqual(names["groups"], {"Desk", "Moderators", "المشرفون"})
        self.assertEqual(names["workflow"], "Two-step check")


class PermissionNameTests(TestCase):
    def test_default_permissions_are_named_in_arabic(self):
        """Django stores "Can add author"; the group editor printed it raw."""
        names = set(Permission.objects.values_list("name", flat=True))
        self.assertIn("يمكن إضافة كاتب", names)
        self.assertNotIn("Can add author", names)
        unlock = Permission.objects.get(codename="unlock_page").name
        self.assertNotIn("Unlock", unlock)

    def test_english_defaults_are_renamed_and_chosen_names_kept(self):
        add = Permission.objects.get(codename="add_author")
        add.name = "Can add author"
        add.save()
        chosen = Permission.objects.get(codename="change_author")
        chosen.name = "Edit bylines"
        chosen.save()
        translate_permission_names(apps.get_app_config("articles"))
        add.refresh_from_db()
        chosen.refresh_from_db()
        self.assertEqual(add.name, "يمكن إضافة كاتب")
        self.assertEqual(chosen.name, "Edit bylines")


class WagtailLabelTests(TestCase):
    """Wagtail leaves these unlabelled; this fails if an upgrade moves them."""

    def test_page_permission_field_and_site_columns_are_labelled(self):
        self.assertEqual(str(PagePermissionsForm.base_fields["page"].label), "الصفحة")
        labels = {column.name: str(column.label) for column in SiteIndexView.columns}
        self.assertEqual(
            [labels["port"], labels["site_name"], labels["root_page"]],
            ["المنفذ", "اسم الموقع", "الصفحة الجذرية"],
        )


def test_nashra_supplies_only_messages_wagtail_still_has():
    """After a Wagtail upgrade renames a msgid, Nashra's entry would be dead."""
    wagtail_ids = {
        entry.msgid
        for po in Path(wagtail.__file__).parent.glob("**/locale/en/LC_MESSAGES/*.po")
        for entry in polib.pofile(str(po))
    }
    assert [text for text in WAGTAIL_MESSAGES if text not in wagtail_ids] == []
