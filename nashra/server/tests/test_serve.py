"""`nashra serve` prepares an empty site: migrations, the demo, an admin (#2)."""

import io
from unittest import mock

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import TestCase

from nashra.articles.models import ArticlePage
from nashra.server.management.commands import serve


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
        with mock.patch("nashra.server.production.run", return_value=None) as run:
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
            mock.patch.object(serve, "keep_in_step"),
            mock.patch("nashra.server.production.run"),
        ):
            serve.Command(stdout=io.StringIO()).handle(
                addrport="127.0.0.1:8199", no_setup=False, production=True
            )
        called = [call.args[0] for call in commands.call_args_list]
        self.assertEqual(called, ["migrate", "createadmin"])

    def test_local_start_on_an_empty_site_loads_the_demo(self):
        with (
            mock.patch.object(serve, "call_command") as commands,
            mock.patch.object(serve, "keep_in_step"),
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
