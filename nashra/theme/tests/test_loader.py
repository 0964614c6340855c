"""A theme overrides some templates and inherits the rest (#4)."""

from nashra.theme.tests.helpers import NewspaperTestCase, install_test_theme


class ThemeTemplateTests(NewspaperTestCase):
    def setUp(self):
        install_test_theme(self)

    def test_theme_template_replaces_the_default(self):
        self.set_options(theme="testtheme")
        self.assertIn('class="page-article test-theme"', self.html(self.article.url))

    def test_templates_the_theme_lacks_come_from_the_default(self):
        self.set_options(theme="testtheme")
        self.assertIn('class="page-home"', self.html("/"))

    def test_sites_on_the_default_theme_are_unaffected(self):
        """The template cache is keyed by theme: one site's theme must not
        leak into another's pages."""
        self.set_options(theme="testtheme")
        self.html(self.article.url)
        self.set_options(theme="default")
        self.assertNotIn("test-theme", self.html(self.article.url))

    def test_uninstalled_theme_falls_back_to_the_default(self):
        self.set_options(theme="removed-theme")
        self.assertIn('class="page-article"', self.html(self.article.url))
