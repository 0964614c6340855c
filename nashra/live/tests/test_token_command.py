"""`nashra token create USERNAME` (#15)."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import TestCase

from nashra.live import tokens
from nashra.newsroom.tests.base import staff


class TokenCommandTests(TestCase):
    def test_prints_a_token_that_authenticates_the_user(self):
        editor = staff("nadia", "editor")
        out = StringIO()
        call_command("token", "create", "nadia", stdout=out, stderr=StringIO())
        token = out.getvalue().strip()
        self.assertEqual(tokens.user_for(f"Bearer {token}"), editor)

    def test_refuses_unknown_and_non_staff_users_in_both_languages(self):
        get_user_model().objects.create_user("reader", "r@example.org", "pw")
        for name in ("nobody", "reader"):
            with self.assertRaises(CommandError) as caught:
                call_command("token", "create", name, stdout=StringIO())
            self.assertRegex(str(caught.exception), "[\u0600-\u06ff]")
