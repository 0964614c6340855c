"""`nashra serve` prepares an empty site; `nashra createadmin` prints a login once."""

import io
import subprocess
import sys
from unittest import mock

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import TestCase

from nashra.articles.models import ArticlePage
from nashra.core.management.commands import serve


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

    def test_existing_name_is_a_clear_error(self):
        get_user_model().objects.create_user("admin")
        with self.assertRaisesMessage(CommandError, "already exists"):
            call_command("createadmin", stdout=io.StringIO())


class ServeSetupTests(TestCase):
    def test_empty_site_gets_the_demo_and_an_admin(self):
        out = io.StringIO()
        command = serve.Command(stdout=out)
        with mock.patch("nashra.demo.management.commands.demo.render_image",
                        side_effect=lambda key, w, h: _tiny_jpeg()):  # fmt: skip
            command.setup()
        self.assertGreaterEqual(ArticlePage.objects.live().count(), 30)
        self.assertTrue(get_user_model().objects.filter(is_superuser=True).exists())

    def test_a_site_with_content_is_left_alone(self):
        from nashra.core.tests.factories import build_newspaper

        build_newspaper(articles_per_section=1)
        before = ArticlePage.objects.count()
        serve.Command(stdout=io.StringIO()).setup()
        self.assertEqual(ArticlePage.objects.count(), before)

    def test_production_start_on_an_empty_site_loads_no_demo(self):
        """Demo articles on a real newspaper's first start would go out to
        readers, feeds and search engines (#12)."""
        out = io.StringIO()
        with mock.patch("nashra.pagecache.production.run", return_value=None) as run:
            call_command("serve", "127.0.0.1:8199", "--production", stdout=out)
        run.assert_called_once()
        self.assertEqual(ArticlePage.objects.count(), 0)
        self.assertIn("nashra demo", out.getvalue())
        self.assertIn("الموقع فارغ", out.getvalue())
        self.assertTrue(get_user_model().objects.filter(is_superuser=True).exists())

    def test_production_start_still_migrates(self):
        """--no-setup must not be the only way to avoid the demo: it skips
        migrations too."""
        with (
            mock.patch.object(serve, "pending_migrations", return_value=[1]),
            mock.patch.object(serve, "call_command") as commands,
            mock.patch("nashra.pagecache.production.run"),
        ):
            serve.Command(stdout=io.StringIO()).handle(
                addrport="127.0.0.1:8199", no_setup=False, production=True
            )
        called = [call.args[0] for call in commands.call_args_list]
        self.assertEqual(called, ["migrate", "createadmin"])

    def test_local_start_on_an_empty_site_loads_the_demo(self):
        with (
            mock.patch.object(serve, "call_command") as commands,
            mock.patch.object(serve, "start_scheduler"),
        ):
            serve.Command(stdout=io.StringIO()).handle(
                addrport="127.0.0.1:8199", no_setup=False, production=False
            )
        called = [call.args[0] for call in commands.call_args_list]
        self.assertEqual(called, ["demo", "createadmin", "runserver"])

    def test_demo_refuses_a_site_with_articles(self):
        from nashra.core.tests.factories import build_newspaper

        build_newspaper(articles_per_section=1)
        with self.assertRaisesMessage(CommandError, "empty site"):
            call_command("demo", stdout=io.StringIO())


def _tiny_jpeg():
    from nashra.images.factories import jpeg_bytes

    return jpeg_bytes(32, 18)


def test_nashra_console_command_wraps_django():
    """The `nashra` entry point runs Django's commands (here: `check`)."""
    result = subprocess.run(
        [sys.executable, "-c", "from nashra.cli import main; main(['check'])"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
