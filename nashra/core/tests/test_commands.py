"""`nashra createadmin` prints a login once; `nashra` wraps Django's commands."""

import io
import subprocess
import sys

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import TestCase


class CreateAdminTests(TestCase):
    def test_prints_the_login_once(self):
        out = io.StringIO()
        call_command("createadmin", stdout=out)
        self.assertIn("username / اسم المستخدم: admin", out.getvalue())
        password = out.getvalue().split("كلمة المرور:")[1].split()[0]
        user = get_user_model().objects.get(username="admin")
        self.assertTrue(user.is_superuser and user.check_password(password))
        again = io.StringIO()
        call_command("createadmin", if_none=True, stdout=again)
        self.assertEqual(again.getvalue(), "")

    def test_says_the_first_sign_in_asks_for_a_code(self):
        """A newcomer meets the two-factor step with the login, not as a surprise."""
        with self.settings(NASHRA_2FA_REQUIRED="chief-editor"):
            out = io.StringIO()
            call_command("createadmin", stdout=out)
        self.assertIn("NASHRA_2FA_REQUIRED=none", out.getvalue())
        with self.settings(NASHRA_2FA_REQUIRED="none"):
            out = io.StringIO()
            call_command("createadmin", username="second", stdout=out)
        self.assertNotIn("two-factor", out.getvalue())

    def test_existing_name_is_a_clear_error(self):
        get_user_model().objects.create_user("admin")
        with self.assertRaisesMessage(CommandError, "already exists"):
            call_command("createadmin", stdout=io.StringIO())


def test_nashra_console_command_wraps_django():
    """The `nashra` entry point runs Django's commands (here: `check`)."""
    result = subprocess.run(
        [sys.executable, "-c", "from nashra.cli import main; main(['check'])"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
