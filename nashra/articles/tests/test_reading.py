"""Reading features on the article page: counts, ticker, share, related (#4)."""

import pytest
from django.test import override_settings
from django.utils import timezone, translation

from nashra.articles.models import Breaking
from nashra.articles.templatetags.articles_tags import minutes_text
from nashra.theme.tests.helpers import NewspaperTestCase


@pytest.mark.parametrize(
    ("minutes", "digits", "expected"),
    [(1, "arabic", "دقيقة واحدة"), (2, "arabic", "دقيقتان"), (3, "arabic", "٣ دقائق"),
     (10, "western", "10 دقائق"), (11, "arabic", "١١ دقيقة"), (100, "arabic", "١٠٠ دقيقة"),
     (102, "western", "102 دقيقة")],
)  # fmt: skip
def test_reading_time_uses_the_six_arabic_plural_forms(minutes, digits, expected):
    """News themes write "3 دقيقة": every count goes through ngettext."""
    from types import SimpleNamespace
    from unittest import mock

    from nashra.core.display import DisplayOptions

    with (
        translation.override("ar"),
        mock.patch(
            "nashra.core.display.display_options",
            return_value=DisplayOptions(digits=digits),
        ),
    ):
        assert minutes_text(SimpleNamespace(), minutes) == expected


class ArticleFeatureTests(NewspaperTestCase):
    def test_byline_shows_the_reading_time(self):
        self.assertIn('byline__reading">دقيقة واحدة<', self.html(self.article.url))

    def test_share_links_are_plain_links_without_third_party_scripts(self):
        html = self.html(self.article.url)
        for host in ("https://wa.me/", "https://t.me/share/", "https://x.com/intent/",
                     "https://www.facebook.com/sharer/", "mailto:?subject="):  # fmt: skip
            self.assertIn(f'href="{host}', html)
        self.assertNotIn('<script src="http', html)
        self.assertIn("data-copy-link", html)

    def test_related_articles_never_include_the_article_itself(self):
        from nashra.articles.related import related

        found = related(self.article)
        self.assertTrue(found)
        self.assertNotIn(self.article.pk, [a.pk for a in found])
        dates = [a.published_at for a in found]
        self.assertEqual(dates, sorted(dates, reverse=True))

    def test_related_articles_cost_constant_queries(self):
        from nashra.articles.related import related

        related(self.article, tag_ids=[1, 2])  # warms the private-pages cache
        # Candidate ids, articles, images, renditions: the same whatever the
        # number found or the number of tags (#8).
        with self.assertNumQueries(4):
            related(self.article, tag_ids=[1, 2])

    @override_settings(PAGE_CACHE=False)
    def test_related_block_is_cached_until_a_related_article_changes(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        self.html(self.article.url)
        with CaptureQueriesContext(connection) as queries:
            html = self.html(self.article.url)
        # Served from the fragment: no candidate query (#8).
        self.assertFalse([q for q in queries if "UNION ALL" in q["sql"]])
        self.assertIn('class="related"', html)
        other = self.paper["articles"][2]
        other.title = "عنوان معدل للخبر"
        with self.captureOnCommitCallbacks(execute=True):
            other.save_revision().publish()
        html = self.html(self.article.url)
        related = html[html.index('class="related"') :]
        self.assertIn("عنوان معدل للخبر", related)

    @override_settings(PAGE_CACHE=False)
    def test_related_block_of_a_preview_is_never_cached(self):
        from nashra.articles.models import ArticlePage

        self.html(self.article.url)
        page = ArticlePage.objects.get(pk=self.article.pk)
        response = page.make_preview_request()
        self.assertEqual(response.status_code, 200)
        other = self.paper["articles"][2]
        other.title = "عنوان في المعاينة"
        # Saved without publishing or any signal: only a fresh render sees it.
        ArticlePage.objects.filter(pk=other.pk).update(title=other.title)
        self.assertIn("عنوان في المعاينة", page.make_preview_request().content.decode())
        self.assertNotIn("عنوان في المعاينة", self.html(self.article.url))

    def _publish_body(self, page, html):
        from nashra.articles.models import ArticlePage

        page = ArticlePage.objects.get(pk=page.pk)
        page.body = [{"type": "paragraph", "value": html}]
        with self.captureOnCommitCallbacks(execute=True):
            page.save_revision().publish()
        return page

    @override_settings(PAGE_CACHE=False)
    def test_body_is_cached_until_the_article_is_published_again(self):
        from nashra.articles.models import ArticlePage

        self.assertIn("فقرة أولى", self.html(self.article.url))
        page = ArticlePage.objects.get(pk=self.article.pk)
        page.body = [{"type": "paragraph", "value": "<p>نص لم ينشر</p>"}]
        # Written without publishing: readers keep the published body (#8).
        ArticlePage.objects.filter(pk=page.pk).update(body=page.body)
        self.assertNotIn("نص لم ينشر", self.html(self.article.url))
        self._publish_body(self.article, "<p>نص منشور جديد</p>")
        html = self.html(self.article.url)
        self.assertIn("نص منشور جديد", html)
        self.assertNotIn("فقرة أولى", html)

    @override_settings(PAGE_CACHE=False)
    def test_cached_body_follows_the_address_of_a_linked_page(self):
        other = self.paper["articles"][3]
        self._publish_body(
            self.article, f'<p>انظر <a linktype="page" id="{other.pk}">الخبر</a></p>'
        )
        before = other.url
        self.assertIn(f'href="{before}"', self.html(self.article.url))
        other.slug = "عنوان-جديد"
        with self.captureOnCommitCallbacks(execute=True):
            other.save_revision().publish()
        other.refresh_from_db()
        self.assertNotEqual(other.url, before)
        self.assertIn(f'href="{other.url}"', self.html(self.article.url))

    @override_settings(PAGE_CACHE=False)
    def test_body_of_a_preview_is_never_cached(self):
        from nashra.articles.models import ArticlePage

        self.html(self.article.url)
        page = ArticlePage.objects.get(pk=self.article.pk)
        page.body = [{"type": "paragraph", "value": "<p>مسودة في المعاينة</p>"}]
        self.assertIn("مسودة في المعاينة", page.make_preview_request().content.decode())
        self.assertNotIn("مسودة في المعاينة", self.html(self.article.url))

    def test_ticker_lists_current_breaking_news_only(self):
        now = timezone.now()
        Breaking.objects.create(
            page=self.article, until=now + timezone.timedelta(hours=2)
        )
        old = self.paper["articles"][1]
        Breaking.objects.create(page=old, until=now - timezone.timedelta(minutes=1))
        html = self.html()
        ticker = html[html.index("data-ticker") : html.index("data-ticker-pause")]
        self.assertIn(self.article.title.split()[0], ticker)
        self.assertIn(f'href="{self.article.url}"', ticker)
        self.assertNotIn(f'href="{old.url}"', ticker)

    def test_ticker_query_starts_from_the_breaking_table(self):
        """Joined to every article, SQLite scanned 100,000 of them per page (#8)."""
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from nashra.articles.breaking import current_breaking

        now = timezone.now()
        Breaking.objects.create(page=self.article, until=now + timezone.timedelta(1))
        with CaptureQueriesContext(connection) as queries:
            found = current_breaking(None, 8)
        self.assertEqual([a.pk for a in found], [self.article.pk])
        sql = queries.captured_queries[-1]["sql"]
        self.assertNotIn('JOIN "theme_breaking"', sql)
        self.assertIn('FROM "theme_breaking"', sql)

    def test_no_ticker_without_breaking_news(self):
        self.assertNotIn("data-ticker", self.html())
