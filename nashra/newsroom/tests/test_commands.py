"""`nashra roles` and `nashra adduser` (#14)."""

from contextlib import redirect_stderr
from io import StringIO
from unittest.mock import patch

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import TestCase, override_settings
from wagtail.models import GroupPagePermission

from nashra.newsroom.models import Role
from nashra.newsroom.tests.base import Newsroom
from nashra.queue.tests.base import IN_DATABASE, run_due
from nashra.queue.tests.test_mail import QUEUED

User = get_user_model()


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


class RolesTests(TestCase):
    def test_prints_the_matrix_from_the_database(self):
        out = run("roles")
        for name in ("كاتب متعاون", "كاتب", "محرر", "رئيس التحرير", "مشرف التعليقات"):
            self.assertIn(name, out)
        self.assertIn("add, publish", out)
        self.assertIn("permissions / الصلاحيات: all / الكل", out)
        group = Role.objects.get(key="moderator").group
        group.name = "حارس التعليقات"
        group.save()
        group.permissions.clear()
        out = run("roles")
        self.assertIn("حارس التعليقات (moderator)", out)
        self.assertIn("permissions / الصلاحيات: -", out)


@override_settings(BASE_URL="https://news.example.org")
class AddUserTests(Newsroom, TestCase):
    def test_creates_a_staff_user_and_a_one_time_link(self):
        out = run("adduser", "layla", "--role", "editor", "--email", "l@example.org")
        user = User.objects.get(username="layla")
        self.assertTrue(user.is_staff)
        self.assertFalse(user.has_usable_password())
        self.assertEqual(list(user.groups.values_list("name", flat=True)), ["محرر"])
        link = next(w for w in out.split() if w.startswith("https://"))
        self.assertTrue(
            link.startswith("https://news.example.org/admin/password_reset/")
        )
        path = link.removeprefix("https://news.example.org")
        form = self.client.get(path, follow=True)
        self.assertContains(form, 'name="new_password1"')
        done = self.client.post(
            form.redirect_chain[-1][0],
            {"new_password1": "ليلى-تكتب-2026", "new_password2": "ليلى-تكتب-2026"},
        )
        self.assertEqual(done.status_code, 302)
        user.refresh_from_db()
        self.assertTrue(user.check_password("ليلى-تكتب-2026"))
        # Used once: the same link no longer opens the form.
        self.client.logout()
        again = self.client.get(path, follow=True)
        self.assertNotContains(again, 'name="new_password1"')

    def test_the_link_is_emailed_through_the_queue(self):
        """The CLI only queues the message; the worker sends it (#14)."""
        with IN_DATABASE, QUEUED:
            out = run("adduser", "sami", "--role", "author", "--email", "s@example.org")
            self.assertEqual(mail.outbox, [])
            self.assertIn("s@example.org", out)
            run_due()
        (message,) = mail.outbox
        self.assertEqual(message.to, ["s@example.org"])
        link = next(w for w in out.split() if w.startswith("https://"))
        self.assertIn(link, message.body)
        self.assertIn("sami", message.body)

    def test_section_editor(self):
        run(
            "adduser", "omar", "--role", "editor", "--email", "o@example.org",
            "--section", "sport",
        )  # fmt: skip
        group = User.objects.get(username="omar").groups.get()
        self.assertEqual(group.name, "محرر — الرياضة")
        self.assertEqual(
            set(GroupPagePermission.objects.filter(group=group).values_list(
                "page_id", flat=True)),
            {self.section.pk},
        )  # fmt: skip
        site_editor = Role.objects.get(key="editor", section=None).group
        self.assertEqual(
            set(group.permissions.all()), set(site_editor.permissions.all())
        )
        run(
            "adduser", "nour", "--role", "editor", "--email", "n@example.org",
            "--section", str(self.section.pk),
        )  # fmt: skip
        self.assertEqual(User.objects.get(username="nour").groups.get(), group)
        self.assertIn("[section / القسم: الرياضة]", run("roles"))

    def assertRefused(self, *args, says):
        before = (User.objects.count(), Group.objects.count())
        with self.assertRaises(CommandError) as refused:
            run("adduser", *args)
        self.assertEqual(refused.exception.returncode, 2)
        self.assertIn(says, str(refused.exception))
        self.assertEqual((User.objects.count(), Group.objects.count()), before)

    def test_bad_input_is_refused_and_nothing_written(self):
        self.assertRefused(
            "x", "--role", "boss", "--email", "x@example.org", says="غير معروف"
        )
        self.assertRefused(
            "samir", "--role", "author", "--email", "s@example.org", says="موجود مسبقاً"
        )
        self.assertRefused(
            "SAMIR", "--role", "author", "--email", "s@example.org", says="already"
        )
        self.assertRefused(
            "x", "--role", "author", "--email", "not-an-address", says="e-mail"
        )
        self.assertRefused(
            "x y", "--role", "author", "--email", "x@example.org", says="valid user"
        )
        self.assertRefused(
            "x", "--role", "author", "--email", "x@example.org", "--section", "sport",
            says="editors only",
        )  # fmt: skip
        self.assertRefused(
            "x", "--role", "editor", "--email", "x@example.org", "--section", "nowhere",
            says="No single section",
        )  # fmt: skip

    def test_no_password_option(self):
        with self.assertRaises(CommandError):
            run(
                "adduser",
                "x",
                "--role",
                "author",
                "--email",
                "x@e.org",
                "--password",
                "a",
            )


class ExitStatusTests(TestCase):
    def test_the_console_command_exits_2_on_bad_input(self):
        from django.core.management import execute_from_command_line

        err = StringIO()
        # The console path closes the connections the test transaction needs.
        keep_open = patch("django.core.management.base.connections.close_all")
        with self.assertRaises(SystemExit) as exited, redirect_stderr(err), keep_open:
            execute_from_command_line(
                ["nashra", "adduser", "x", "--role", "boss", "--email", "x@e.org"]
            )
        self.assertEqual(exited.exception.code, 2)
        self.assertIn("الدور «boss» غير معروف", err.getvalue())
        self.assertFalse(User.objects.filter(username="x").exists())
