"""The fast paths give the same answers as the plain ones (#5)."""

from datetime import timedelta
from unittest import mock, skipUnless

from django.db import connection
from django.test import TestCase
from django.utils import timezone

from nashra.articles.factories import create_article, paragraph
from nashra.articles.models import ArticlePage
from nashra.search.backends import Filters, get_backend
from nashra.search.results import find
from nashra.search.tests.helpers import build_archive
from nashra.text.query import parse_query


class FastPathTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.archive = build_archive()

    def test_relevance_ranks_the_best_text_matches_by_freshness(self):
        """Two-step ranking still puts this week's story before a 2018 one."""
        ids = get_backend().search(parse_query("وزير الخارجية"), Filters())
        self.assertEqual(
            ids, [self.archive["minister"].pk, self.archive["old_minister"].pk]
        )

    def test_pages_beyond_the_candidates_are_still_reachable(self):
        """Paging past the candidate pool must widen it, not return nothing."""
        backend = get_backend()
        parsed = parse_query("وزير")
        with mock.patch("nashra.search.backends.base.CANDIDATES", 1):
            second = backend.search(parsed, Filters(), limit=1, offset=1)
        self.assertEqual(second, backend.search(parsed, Filters())[1:2])

    def test_suggestions_match_headlines_only(self):
        """A word only in a body ("الابتدائية") offers no headline to complete."""
        backend = get_backend()
        parsed = parse_query("الابتدا")
        self.assertEqual(
            backend.search(parsed, Filters(), prefix_last=True, titles_only=True), []
        )
        self.assertEqual(
            backend.search(parsed, Filters(), prefix_last=True),
            [self.archive["minister"].pk],
        )

    def test_headline_suggestions_honour_exclusions(self):
        parsed = parse_query("وزير -قديمة")
        self.assertEqual(
            get_backend().search(parsed, Filters(), titles_only=True),
            [self.archive["minister"].pk],
        )

    def test_exclusions_reach_the_body_of_headline_matches(self):
        """Both old_minister's headline and body say وزير; its body says المدرسة."""
        backend = get_backend()
        for order in ("relevance", "newest"):
            ids = backend.search(parse_query("وزير -المدرسة"), Filters(), order=order)
            self.assertEqual(ids, [])

    def test_snippets_are_cut_from_stored_blocks(self):
        """Rendering each result's rich text cost the search page ~1 ms a hit (#5, #8)."""
        with mock.patch.object(ArticlePage, "body_text", side_effect=AssertionError):
            hits = find("المدرسة")[0:10]
        self.assertTrue(any("ابتدائية" in str(hit.snippet) for hit in hits))

    def test_one_search_counts_once(self):
        """The pager and the newest-first plan share one count query."""
        backend = get_backend()
        parsed, filters = parse_query("وزير"), Filters()
        with mock.patch.object(backend, "fetch", wraps=backend.fetch) as fetch:
            first = backend.count(parsed, filters)
            second = backend.count(parsed, filters)
        self.assertEqual(fetch.call_count, 1)
        self.assertEqual(first, second)
        self.assertEqual(first, 2)

    def test_phrase_pool_keeps_word_order(self):
        """A newer article with the phrase's words apart is not a phrase match.

        On PostgreSQL the pool is taken among articles holding the words,
        newest first, and word order is checked afterwards (#5).
        """
        create_article(
            self.archive["world"],
            "الخارجية تستدعي السفير",
            body=[paragraph("وقال وزير الدفاع إن الحكومة ستقرر.")],
            published_at=timezone.now() - timedelta(hours=1),
        )
        backend = get_backend()
        for order in ("relevance", "newest"):
            for titles_only in (False, True):
                ids = backend.search(
                    parse_query('"وزير الخارجية"'),
                    Filters(),
                    order=order,
                    titles_only=titles_only,
                )
                self.assertEqual(
                    ids,
                    [self.archive["minister"].pk, self.archive["old_minister"].pk],
                )
                second = backend.search(
                    parse_query('"وزير الخارجية"'), Filters(), order=order, offset=1
                )
                self.assertEqual(second, [self.archive["old_minister"].pk])


@skipUnless(connection.vendor == "postgresql", "PostgreSQL storage settings")
class SlimRowsTests(TestCase):
    def test_long_values_are_stored_out_of_line(self):
        """Migration 0005: the GIN scans visit ~130-byte rows, not 2 KB ones."""
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT reloptions FROM pg_class WHERE relname = 'search_searchentry'"
            )
            self.assertIn("toast_tuple_target=128", cursor.fetchone()[0])
            cursor.execute(
                "SELECT attstorage FROM pg_attribute WHERE attname = 'rank_document' "
                "AND attrelid = 'search_searchentry'::regclass"
            )
            self.assertEqual(cursor.fetchone()[0], "e")


@skipUnless(connection.vendor == "sqlite", "SQLite FTS5 options")
class FTS5OptionsTests(TestCase):
    def test_no_prefix_indexes(self):
        """Migration 0007: every indexed article paid for prefix indexes (#5)."""
        with connection.cursor() as cursor:
            cursor.execute("SELECT sql FROM sqlite_master WHERE name = 'search_fts'")
            self.assertNotIn("prefix", cursor.fetchone()[0])
