"""Hostile, broken and repeated imports: clear messages, no duplicates, no scripts."""

import io
import json

import pytest
from django.core.management import call_command
from django.test import TestCase
from wagtail.contrib.redirects.models import Redirect

from nashra.articles.models import ArticlePage
from nashra.importers.models import ImportedObject

from .helpers import export_file, item, run_import, wxr

CATEGORY = '<category domain="category" nicename="local"><![CDATA[محليات]]></category>'


def command(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_wordpress", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data, reason",
    [
        (b"this is not xml", "not XML"),
        (wxr(item(1))[:-40], "truncated"),
        (
            b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">'
            b'<!ENTITY b "&a;&a;&a;">]><rss><channel>&b;</channel></rss>',
            "refused",
        ),
        (b'<rss version="2.0"><channel><item/></channel></rss>', "no wp namespace"),
    ],
)
def test_unreadable_export_exits_2_with_one_line(data, reason):
    """An editor must see why, in English and Arabic, not a traceback."""
    with pytest.raises(SystemExit) as caught:
        command(export_file(data))
    assert caught.value.code == 2


def test_unreadable_message_is_one_line_in_both_languages(capsys, db):
    err = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("import_wordpress", str(export_file(b"<<<")), stderr=err)
    message = err.getvalue().strip()
    assert "\n" not in message
    assert "not XML" in message
    assert "ووردبريس" in message
    assert "Traceback" not in message


class ContentSafety(TestCase):
    def test_scripts_and_event_handlers_never_reach_the_body(self):
        """A compromised WordPress must not carry its XSS into Nashra."""
        content = (
            '<p onclick="steal()">نص <a href="javascript:alert(1)">رابط</a></p>'
            "<script>alert(1)</script><img src=x onerror=alert(2)>"
        )
        run_import(wxr(item(7, content=content)))
        body = json.dumps(
            list(ArticlePage.objects.get().body.raw_data), ensure_ascii=False
        )
        for bad in ("onclick", "script", "javascript:", "onerror"):
            self.assertNotIn(bad, body)
        self.assertIn("نص", body)

    def test_duplicate_slugs_get_a_suffix_and_a_problem(self):
        items = item(1, post_name="خبر") + item(2, post_name="خبر")
        report = run_import(wxr(items))
        slugs = sorted(ArticlePage.objects.values_list("slug", flat=True))
        self.assertEqual(slugs, ["خبر", "خبر-2"])
        self.assertTrue(any(p["kind"] == "slug" for p in report.problems))

    def test_invalid_dates_are_reported_and_the_post_still_imported(self):
        report = run_import(
            wxr(item(3, post_date_gmt="2024-13-45 99:00:00", post_date="garbage"))
        )
        self.assertEqual(report.counts["posts"]["created"], 1)
        self.assertTrue(any(p["kind"] == "date" for p in report.problems))

    def test_unknown_version_is_read_with_a_problem(self):
        report = run_import(wxr(item(4), version="9.9"))
        self.assertEqual(report.counts["posts"]["created"], 1)
        self.assertTrue(any(p["kind"] == "version" for p in report.problems))


class Reimport(TestCase):
    def test_rerun_updates_what_changed_and_never_duplicates(self):
        run_import(wxr(item(1, title="قبل") + item(2)))
        report = run_import(wxr(item(1, title="بعد") + item(2)))
        self.assertEqual(report.counts["posts"]["updated"], 1)
        self.assertEqual(report.counts["posts"]["unchanged"], 1)
        self.assertEqual(ArticlePage.objects.count(), 2)
        page = ImportedObject.objects.get(kind="post", wp_key="1").target.specific
        self.assertEqual(page.title, "بعد")
        self.assertTrue(page.live)

    def test_posts_without_category_go_to_uncategorised(self):
        run_import(wxr(item(5)))
        section = ArticlePage.objects.get().section
        self.assertEqual((section.slug, section.title), ("uncategorised", "غير مصنف"))

    def test_authors_as_users_cannot_log_in_until_given_a_password(self):
        author = (
            "<wp:author><wp:author_id>4</wp:author_id><wp:author_login>samira"
            "</wp:author_login><wp:author_email>samira@news.example</wp:author_email>"
            "<wp:author_display_name><![CDATA[سميرة]]></wp:author_display_name>"
            "</wp:author>"
        )
        post = item(8).replace("</item>", "<dc:creator>samira</dc:creator></item>")
        run_import(wxr(author + post), authors_as_users=True)
        page = ArticlePage.objects.get()
        (byline,) = page.byline_authors
        self.assertEqual((byline.name, byline.slug), ("سميرة", "samira"))
        self.assertTrue(byline.user.is_staff)
        self.assertFalse(byline.user.has_usable_password())
        # The old author URL is the new one: no redirect, and no loop.
        self.assertEqual(byline.get_absolute_url(), "/author/samira/")
        self.assertFalse(Redirect.objects.filter(old_path="/author/samira").exists())
        self.assertEqual(self.client.get("/?author=4")["Location"], "/author/samira/")

    def test_category_gives_the_section(self):
        categories = (
            "<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>local"
            "</wp:category_nicename><wp:category_parent></wp:category_parent>"
            "<wp:cat_name><![CDATA[محليات]]></wp:cat_name></wp:category>"
        )
        post = item(6).replace("</item>", CATEGORY + "</item>")
        run_import(wxr(categories + post))
        page = ArticlePage.objects.get()
        self.assertEqual(page.section.title, "محليات")
        response = self.client.get("/?cat=3")
        self.assertEqual(response.status_code, 301)
        self.assertEqual(response["Location"], page.section.url)

    def test_links_between_posts_point_to_the_new_pages(self):
        """A shared link inside an article must not lead to the dead old site."""
        first = item(
            10,
            post_name="first",
            content='<p><a href="https://news.example/?p=11">التالي</a></p>',
        )
        second = item(11, post_name="second")
        run_import(wxr(first + second))
        target = ImportedObject.objects.get(kind="post", wp_key="11").target.specific
        page = ImportedObject.objects.get(kind="post", wp_key="10").target.specific
        body = json.dumps(list(page.body.raw_data), ensure_ascii=False)
        self.assertIn(f'href=\\"{target.url}\\"', body)
        self.assertFalse(ImportedObject.objects.filter(pending=True).exists())

    def test_dry_run_saves_nothing(self):
        report = run_import(wxr(item(12)), dry_run=True)
        self.assertEqual(report.counts["posts"]["created"], 1)
        self.assertFalse(ArticlePage.objects.exists())
        self.assertFalse(Redirect.objects.exists())

    def test_report_file_has_the_issue_shape(self):
        path = export_file(wxr(item(13)))
        report_path = path.with_suffix(".json")
        command(path, "--report", report_path)
        data = json.loads(report_path.read_text())
        for kind in ("posts", "pages", "attachments", "comments", "categories",
                     "tags", "authors", "redirects"):  # fmt: skip
            self.assertEqual(
                set(data[kind]),
                {"created", "updated", "unchanged", "skipped", "failed"},
            )
        self.assertIsInstance(data["problems"], list)
        self.assertEqual(data["posts"]["created"], 1)


class EveryRecordCounted(TestCase):
    def test_a_repeated_category_is_counted_as_skipped(self):
        """The report must add up to the export, duplicates included."""
        category = (
            "<wp:category><wp:term_id>{}</wp:term_id><wp:category_nicename>local"
            "</wp:category_nicename><wp:cat_name>محليات</wp:cat_name></wp:category>"
        )
        report = run_import(wxr(category.format(3) + category.format(4) + item(1)))
        self.assertEqual(report.total("categories"), 2)
        self.assertEqual(report.counts["categories"]["skipped"], 1)


class QueryStringRedirects(TestCase):
    def test_wagtails_middleware_alone_would_show_the_home_page(self):
        """Why middleware.py exists: /?p=ID is the home page (200), never a 404."""
        from django.test import Client, modify_settings

        run_import(wxr(item(20, post_name="عاجل")))
        page = ArticlePage.objects.get()
        mine = "nashra.importers.middleware.WordPressQueryRedirectMiddleware"
        # A client loads its middleware once: one client per configuration.
        with modify_settings(MIDDLEWARE={"remove": [mine]}):
            self.assertEqual(Client().get("/?p=20").status_code, 200)
        response = Client().get("/?p=20")
        self.assertEqual(response.status_code, 301)
        self.assertEqual(response["Location"], page.url)
        # Arabic slug: the percent-encoded old permalink redirects too.
        self.assertEqual(self.client.get(page.url).status_code, 200)


class PageCache(TestCase):
    def test_front_page_shows_imported_articles_at_once(self):
        """Imported pages skip page_published; a cached front page must not hide them."""
        home = "/"
        self.client.get(home)
        run_import(wxr(item(30, title="خبر مستورد جديد")))
        self.assertContains(self.client.get(home), "خبر مستورد جديد")
