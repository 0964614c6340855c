"""The /?p=ID middleware: WordPress's query-string links on paths that exist (#7, #13)."""

from django.test import TestCase
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from nashra.importers.middleware import WORDPRESS_KEYS


def redirect(old: str, link: str, *, permanent: bool = True) -> Redirect:
    return Redirect.objects.create(
        old_path=Redirect.normalise_path(old),
        site=None,
        redirect_link=link,
        is_permanent=permanent,
    )


class QueryRedirects(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = Site.objects.get(is_default_site=True).root_page
        redirect("/?p=20", "/news/arrival/")
        redirect("/?page_id=7", "/about/")
        redirect("/?cat=3", "/local/")
        redirect("/?tag=5", "/tags/sport/")
        redirect("/?author=2", "/authors/sara/")
        redirect("/?attachment_id=9", "/media/9/")
        redirect("/?feed=rss2", "/feed/")
        redirect("/?p=21", "/news/later/", permanent=False)
        redirect("/archive/?p=30", "/news/archived/")
        redirect("/أرشيف/?p=31", "/news/arabic-path/")

    def test_each_wordpress_key_redirects(self):
        cases = {
            "/?p=20": "/news/arrival/",
            "/?page_id=7": "/about/",
            "/?cat=3": "/local/",
            "/?tag=5": "/tags/sport/",
            "/?author=2": "/authors/sara/",
            "/?attachment_id=9": "/media/9/",
            "/?feed=rss2": "/feed/",
        }
        for old, new in cases.items():
            response = self.client.get(old)
            self.assertEqual(response.status_code, 301, old)
            self.assertEqual(response["Location"], new, old)

    def test_the_keys_are_the_ones_wordpress_answers(self):
        self.assertEqual(
            WORDPRESS_KEYS,
            {"p", "page_id", "attachment_id", "cat", "tag", "author", "feed"},
        )

    def test_a_temporary_redirect_stays_temporary(self):
        response = self.client.get("/?p=21")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(response["Location"], "/news/later/")

    def test_head_is_redirected_too(self):
        self.assertEqual(self.client.head("/?p=20").status_code, 301)

    def test_post_is_never_redirected(self):
        # A form posted to the home page with a "p" field is not an old link.
        response = self.client.post("/?p=20", {"q": "x"})
        self.assertNotIn(response.status_code, (301, 302))

    def test_unknown_id_lands_on_the_page_itself(self):
        self.assertEqual(self.client.get("/?p=999").status_code, 200)

    def test_other_query_strings_are_left_to_the_view(self):
        self.assertEqual(self.client.get("/?utm_source=x").status_code, 200)

    def test_query_redirect_on_another_path(self):
        response = self.client.get("/archive/?p=30")
        self.assertEqual(response.status_code, 301)
        self.assertEqual(response["Location"], "/news/archived/")

    def test_id_with_tracking_parameters_still_redirects(self):
        # Links shared from WordPress carry utm_* and fbclid; the post is the same.
        for old in ("/?p=20&utm_source=facebook", "/?fbclid=abc&p=20"):
            response = self.client.get(old)
            self.assertEqual(response.status_code, 301, old)
            self.assertEqual(response["Location"], "/news/arrival/", old)

    def test_redirect_without_a_target_is_ignored(self):
        Redirect.objects.create(old_path=Redirect.normalise_path("/?p=40"), site=None)
        self.assertEqual(self.client.get("/?p=40").status_code, 200)

    def test_arabic_path_with_tracking_parameters(self):
        for old in ("/أرشيف/?p=31", "/أرشيف/?p=31&utm_medium=social"):
            response = self.client.get(old)
            self.assertEqual(response.status_code, 301, old)
            self.assertEqual(response["Location"], "/news/arabic-path/", old)
