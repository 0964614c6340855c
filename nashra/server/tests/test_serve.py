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

    def test_demo_refuses_a_site_with_articles(self):
        from nashra.core.tests.factories import build_newspaper

        build_newspaper(articles_per_section=1)
        with self.assertRaisesMessage(CommandError, "empty site"):
            call_command("demo", stdout=io.StringIO())


def _tiny_jpeg():
    from nashra.images.factories import jpeg_bytes

    return jpeg_bytes(32, 18)
