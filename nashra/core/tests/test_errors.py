"""404 and 500 pages are Arabic and look like the site, with no stack trace (#2)."""

from django.test import TestCase, override_settings
from django.urls import path

from nashra import urls as site_urls


def broken_view(request):
    raise RuntimeError("boom: secret detail")


urlpatterns = [path("broken/", broken_view), *site_urls.urlpatterns]
handler404 = site_urls.handler404
handler500 = site_urls.handler500


@override_settings(ROOT_URLCONF=__name__)
class ErrorPageTests(TestCase):
    def test_404_is_arabic_and_keeps_the_site_chrome(self):
        response = self.client.get("/لا-توجد-صفحة/")
        self.assertEqual(response.status_code, 404)
        html = response.content.decode()
        self.assertIn('<html lang="ar" dir="rtl"', html)
        self.assertIn("الصفحة غير موجودة", html)
        self.assertIn('class="site-header"', html)
        self.assertIn('name="robots" content="noindex"', html)

    def test_500_is_arabic_without_a_stack_trace(self):
        self.client.raise_request_exception = False
        response = self.client.get("/broken/")
        self.assertEqual(response.status_code, 500)
        html = response.content.decode()
        self.assertIn("حدث خطأ ما", html)
        self.assertIn('dir="rtl"', html)
        self.assertNotIn("secret detail", html)
        self.assertNotIn("Traceback", html)


class NulCharacterTests(TestCase):
    """PostgreSQL refuses NUL in text: such requests must never reach a query."""

    def test_nul_in_the_path_or_query_is_a_clear_400(self):
        for url in ("/tag/a%00b/", "/author/%00/", "/world/%00/", "/search/?q=a%00b",
                    "/world/?page=1&x=%00"):  # fmt: skip
            response = self.client.get(url)
            self.assertEqual(response.status_code, 400, url)
            self.assertContains(response, "طلب غير صالح", status_code=400)

    def test_ordinary_percent_signs_pass(self):
        self.assertEqual(self.client.get("/search/?q=100%25").status_code, 200)
