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

    def test_nul_in_the_path_is_an_arabic_404(self):
        for url in ("/tag/a%00b/", "/author/%00/", "/world/%00/", "/%00"):
            response = self.client.get(url)
            self.assertEqual(response.status_code, 404, url)
            self.assertContains(response, "الصفحة غير موجودة", status_code=404)

    def test_nul_in_a_query_value_is_harmless(self):
        for url in ("/search/?q=a%00b", "/world/?page=%00", "/?utm_source=%00"):
            self.assertIn(self.client.get(url).status_code, {200, 404}, url)

    def test_the_400_page_is_arabic(self):
        from django.test import RequestFactory

        from nashra.core.views import bad_request

        response = bad_request(RequestFactory().get("/"))
        self.assertEqual(response.status_code, 400)
        self.assertIn("طلب غير صالح", response.content.decode())
