"""The licence nag of WordPress themes leaked to every reader and crawler;
ours is for staff only and never lands in a shared cache (#4)."""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.test import override_settings
from wagtail.models import Site

from nashra.theme import licences
from nashra.theme.tests.helpers import (
    TEST_PRIVATE_KEY,
    NewspaperTestCase,
    install_test_theme,
)

NOTICE = "data-staff-notice"


class NoticeTests(NewspaperTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.editor = get_user_model().objects.create_superuser(
            "editor", "editor@example.com", "secret"
        )

    def setUp(self):
        install_test_theme(self)
        self.set_options(theme="testtheme", licence_key="")

    def key_for(self, domain, days=30):
        return licences.issue_licence(
            TEST_PRIVATE_KEY, theme="testtheme", domain=domain,
            expires=date.today() + timedelta(days=days),
        )  # fmt: skip

    def test_anonymous_reader_never_sees_the_notice(self):
        for url in ("/", self.article.url):
            response = self.client.get(url)
            self.assertNotContains(response, NOTICE)
            self.assertNotContains(response, "خيارات القالب")

    def test_crawler_never_sees_the_notice(self):
        response = self.client.get("/", HTTP_USER_AGENT="Googlebot/2.1")
        self.assertNotContains(response, NOTICE)

    def test_staff_see_it_on_public_pages_with_a_link_to_the_options(self):
        self.client.force_login(self.editor)
        response = self.client.get(self.article.url)
        self.assertContains(response, NOTICE)
        self.assertContains(
            response, f"/admin/settings/theme/themeoptions/{self.site.pk}/"
        )

    def test_staff_pages_are_private_and_not_stored(self):
        """A page cache in front of Django must never keep the staff copy."""
        self.client.force_login(self.editor)
        cache_control = self.client.get("/")["Cache-Control"]
        self.assertIn("private", cache_control)
        self.assertIn("no-store", cache_control)

    def test_reader_pages_stay_cacheable(self):
        self.assertNotIn("private", self.client.get("/").get("Cache-Control", ""))

    def test_staff_see_it_in_the_admin_dashboard(self):
        self.client.force_login(self.editor)
        self.assertContains(self.client.get("/admin/"), NOTICE)

    def test_valid_key_removes_the_notice(self):
        self.set_options(licence_key=self.key_for("localhost"))
        self.client.force_login(self.editor)
        self.assertNotContains(self.client.get("/"), NOTICE)
        self.assertNotContains(self.client.get("/admin/"), NOTICE)

    def test_expired_key_brings_it_back(self):
        self.set_options(licence_key=self.key_for("localhost", days=-1))
        self.client.force_login(self.editor)
        self.assertContains(self.client.get("/"), NOTICE)

    @override_settings(ALLOWED_HOSTS=["localhost", "testserver", "gazette.example"])
    def test_multi_site_each_site_needs_its_own_key(self):
        other = Site.objects.create(
            hostname="gazette.example", root_page=self.paper["home"]
        )
        self.set_options(licence_key=self.key_for("localhost"))
        self.client.force_login(self.editor)
        self.assertNotContains(self.client.get("/"), NOTICE)
        from nashra.theme.models import ThemeOptions

        options = ThemeOptions.for_site(other)
        options.theme = "testtheme"
        options.licence_key = self.key_for("localhost")
        with self.captureOnCommitCallbacks(execute=True):
            options.save()
        self.assertContains(self.client.get("/", HTTP_HOST="gazette.example"), NOTICE)

    def test_default_theme_never_shows_it(self):
        self.set_options(theme="default")
        self.client.force_login(self.editor)
        self.assertNotContains(self.client.get("/"), NOTICE)
