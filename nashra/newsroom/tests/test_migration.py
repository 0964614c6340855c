"""The roles migration: five Arabic groups with the issue's rights (#14)."""

from importlib import import_module

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.test import TestCase
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Site,
)

from nashra.newsroom.models import Role

roles_migration = import_module("nashra.newsroom.migrations.0002_roles")

NAMES = {
    "contributor": "كاتب متعاون",
    "author": "كاتب",
    "editor": "محرر",
    "chief-editor": "رئيس التحرير",
    "moderator": "مشرف التعليقات",
}


def page_grants(key):
    group = Role.objects.get(key=key, section=None).group
    return {
        (g.page_id, g.permission.codename)
        for g in GroupPagePermission.objects.filter(group=group)
    }


def model_grants(key):
    group = Role.objects.get(key=key, section=None).group
    return {
        f"{app}.{code}"
        for app, code in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


def collection_grants(key):
    group = Role.objects.get(key=key, section=None).group
    return {
        g.permission.codename
        for g in GroupCollectionPermission.objects.filter(group=group)
    }


class MigrationTests(TestCase):
    def test_five_roles_with_arabic_names(self):
        found = dict(
            Role.objects.filter(section=None).values_list("key", "group__name")
        )
        self.assertEqual(found, NAMES)
        self.assertTrue(all(Role.objects.values_list("seeded", flat=True)))

    def test_page_permissions_follow_the_matrix(self):
        home = Site.objects.get(is_default_site=True).root_page_id
        root = Page.get_first_root_node().pk
        self.assertEqual(page_grants("contributor"), {(home, "add_page")})
        self.assertEqual(
            page_grants("author"), {(home, "add_page"), (home, "publish_page")}
        )
        self.assertEqual(
            page_grants("editor"),
            {(home, f"{a}_page") for a in ("add", "change", "publish", "lock", "unlock")},
        )  # fmt: skip
        self.assertEqual(
            {code for _page, code in page_grants("chief-editor")},
            {f"{a}_page" for a in roles_migration.PAGE_ALL},
        )
        self.assertEqual({p for p, _code in page_grants("chief-editor")}, {root})
        self.assertEqual(page_grants("moderator"), set())

    def test_model_and_collection_permissions(self):
        self.assertEqual(
            collection_grants("contributor"), {"add_image", "choose_image"}
        )
        self.assertIn("delete_image", collection_grants("editor"))
        self.assertIn("add_document", collection_grants("editor"))
        self.assertEqual(
            model_grants("moderator"),
            {"wagtailadmin.access_admin", "comments.change_comment",
             "comments.view_comment"},
        )  # fmt: skip
        editor = model_grants("editor")
        self.assertTrue({"comments.change_comment", "articles.add_breaking"} <= editor)
        self.assertNotIn("auth.change_user", editor)
        self.assertNotIn("theme.change_themeoptions", editor)
        chief = model_grants("chief-editor")
        self.assertTrue(
            {"auth.change_user", "auth.change_group", "theme.change_themeoptions"}
            <= chief
        )
        self.assertEqual(len(chief), Permission.objects.count())

    def test_editors_approve_in_the_default_workflow(self):
        task = GroupApprovalTask.objects.get()
        names = set(task.groups.values_list("name", flat=True))
        self.assertTrue({"محرر", "رئيس التحرير"} <= names)

    def test_running_again_keeps_the_newsrooms_edits(self):
        group = Role.objects.get(key="contributor").group
        group.name = "مراسل"
        group.save()
        GroupPagePermission.objects.filter(group=group).delete()
        roles_migration.add_roles(apps, None)
        group.refresh_from_db()
        self.assertEqual(group.name, "مراسل")
        self.assertFalse(GroupPagePermission.objects.filter(group=group).exists())
        self.assertEqual(Role.objects.filter(section=None).count(), 5)

    def test_reverse_removes_only_what_it_made(self):
        mine = Group.objects.create(name="فريق الليل")
        adopted = Role.objects.get(key="moderator")
        adopted.seeded = False  # as if the group was there before the migration
        adopted.save()
        roles_migration.remove_roles(apps, None)
        self.assertFalse(Role.objects.exists())
        self.assertTrue(Group.objects.filter(pk=mine.pk).exists())
        self.assertTrue(Group.objects.filter(name="مشرف التعليقات").exists())
        self.assertFalse(Group.objects.filter(name="محرر").exists())
        self.assertFalse(
            GroupPagePermission.objects.filter(group__name="كاتب").exists()
        )
        # Forward again: the adopted group is taken as it is, the rest remade.
        roles_migration.add_roles(apps, None)
        self.assertEqual(Role.objects.count(), 5)
        self.assertFalse(Role.objects.get(key="moderator").seeded)
