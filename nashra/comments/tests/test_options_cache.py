"""Comment options read from the cache, forgotten on save (#8)."""

from django.db import connection
from django.test import RequestFactory, TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from nashra.comments.models import CommentOptions
from nashra.comments.tests.helpers import newspaper_with_options, set_options
from nashra.comments.threads import options_for


@override_settings(PAGE_CACHE=False)
class OptionsCacheTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.paper = newspaper_with_options()
        cls.article = cls.paper["articles"][0]
        cls.site = Site.objects.get(is_default_site=True)

    def test_read_once_then_from_the_cache(self):
        options_for(site=self.site)
        with self.assertNumQueries(0):
            found = options_for(site=self.site)
        self.assertIsInstance(found, CommentOptions)

    def test_a_save_is_seen_by_the_next_reader(self):
        """An editor closing comments by age must not wait for a restart."""
        self.assertEqual(options_for(site=self.site).close_after_days, 0)
        set_options(close_after_days=3)
        self.assertEqual(options_for(site=self.site).close_after_days, 3)

    def test_one_request_asks_once(self):
        request = RequestFactory().get("/", HTTP_HOST="localhost")
        self.assertIs(options_for(request), options_for(request))

    def test_an_article_without_comments_reads_no_comment_rows(self):
        """No thread row: the count says none, so no comment query is run."""
        self.client.get(self.article.url)
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(self.article.url)
        self.assertContains(response, 'id="comments"')
        tables = " ".join(q["sql"] for q in queries.captured_queries)
        self.assertNotIn('"comments_comment"', tables)
        self.assertNotIn('"comments_commentoptions"', tables)
