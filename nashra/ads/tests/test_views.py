"""/ads.txt and /app-ads.txt as the newsroom wrote them (#20): plain text,
cached, and new at once after an edit in the admin."""

from django.test import TestCase
from wagtail.models import Site

from nashra.ads.models import AdsSettings
from nashra.core.tests.factories import ensure_home

LINE = "google.com, pub-0000000000000000, DIRECT, f08c47fec0942fa0"


class AdsTxtTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        ensure_home()

    def edit(self, **values):
        setting = AdsSettings.for_site(Site.objects.get(is_default_site=True))
        for name, value in values.items():
            setattr(setting, name, value)
        setting.save()

    def test_absent_until_written(self):
        self.assertEqual(self.client.get("/ads.txt").status_code, 404)
        self.assertEqual(self.client.get("/app-ads.txt").status_code, 404)

    def test_served_as_plain_text(self):
        self.edit(
            ads_txt=LINE + "  \r\n# بائعونا\r\n", app_ads_txt="app.example, 1, RESELLER"
        )
        response = self.client.get("/ads.txt")
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        self.assertEqual(response.content.decode(), LINE + "\n# بائعونا\n")
        self.assertEqual(
            self.client.get("/app-ads.txt").content.decode(),
            "app.example, 1, RESELLER\n",
        )

    def test_an_edit_replaces_the_cached_file(self):
        self.edit(ads_txt=LINE)
        self.assertIn(LINE, self.client.get("/ads.txt").content.decode())
        self.assertEqual(self.client.get("/ads.txt")["X-Cache"], "HIT")
        self.edit(ads_txt="example.com, 1, DIRECT")
        self.assertEqual(
            self.client.get("/ads.txt").content.decode(), "example.com, 1, DIRECT\n"
        )
