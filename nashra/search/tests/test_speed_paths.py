"""The fast paths give the same answers as the plain ones (#5)."""

from unittest import mock

from django.test import TestCase

from nashra.search.backends import Filters, get_backend
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
