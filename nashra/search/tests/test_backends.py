"""The search backend itself (FTS5 or PostgreSQL, whichever the suite runs on).

The view tests show what readers see; these pin what the engine returns for
each filter, order, page and hostile query, so both backends agree (#5).
"""

from datetime import timedelta

from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from nashra.articles.factories import create_article, paragraph
from nashra.search import indexing
from nashra.search.backends import Filters, get_backend
from nashra.search.models import SearchEntry
from nashra.search.results import find
from nashra.search.tests.helpers import build_archive
from nashra.search.tests.test_views import HOSTILE_QUERIES
from nashra.text.query import parse_query


def search(q, filters=None, **options):
    return get_backend().search(parse_query(q), filters or Filters(), **options)


def count(q, filters=None):
    return get_backend().count(parse_query(q), filters or Filters())


class Backend(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.archive = build_archive()
        cls.now = timezone.now()

    def ids(self, *names):
        return [self.archive[name].pk for name in names]

    def test_relevance_puts_the_fresh_story_first(self):
        self.assertEqual(search("وزير الخارجية"), self.ids("minister", "old_minister"))

    def test_newest_orders_by_date(self):
        self.assertEqual(
            search("المدرسة", order="newest"), self.ids("minister", "old_minister")
        )

    def test_drafts_are_never_found(self):
        self.assertEqual(search("مسودة"), [])
        self.assertEqual(count("مسودة"), 0)

    def test_a_section_filter_includes_only_its_ids(self):
        world = Filters(section_ids=(self.archive["world"].pk,))
        self.assertEqual(
            set(search("الوزير", world)), set(self.ids("minister", "old_minister"))
        )
        sport = Filters(section_ids=(self.archive["sport"].pk,))
        self.assertEqual(search("الوزير", sport), [])

    def test_date_bounds_are_half_open(self):
        published = self.archive["minister"].published_at
        inside = Filters(
            published_from=published, published_before=published + timedelta(seconds=1)
        )
        self.assertEqual(search("الوزير", inside), self.ids("minister"))
        before = Filters(published_before=published)
        self.assertEqual(search("الوزير", before), self.ids("old_minister"))

    def test_a_scheduled_article_is_hidden_until_its_time(self):
        soon = create_article(
            self.archive["world"], "الوزير يعلن غدا", body=[paragraph("إعلان")],
            published_at=self.now + timedelta(hours=3),
        )  # fmt: skip
        self.assertNotIn(soon.pk, search("يعلن"))
        later = Filters(now=self.now + timedelta(hours=4))
        self.assertIn(soon.pk, search("يعلن", later))

    def test_exclusion_removes_matches(self):
        self.assertEqual(search("الخارجية -قديمة"), self.ids("minister"))

    def test_a_phrase_must_match_in_order(self):
        both = set(self.ids("minister", "old_minister"))
        self.assertEqual(set(search('"وزير الخارجية"')), both)
        self.assertEqual(search('"الخارجية وزير"'), [])

    def test_prefix_matching_is_for_suggestions_only(self):
        self.assertEqual(search("يفو"), [])
        self.assertEqual(search("يفو", prefix_last=True), self.ids("match"))

    def test_titles_only_ignores_body_words(self):
        self.assertEqual(search("بهدفين", titles_only=True), [])
        self.assertEqual(search("بهدفين"), self.ids("match"))

    def test_paging_walks_every_hit_once(self):
        for n in range(12):
            create_article(self.archive["world"], f"مؤتمر صحفي {n}", body=[paragraph("مؤتمر")],
                           published_at=self.now - timedelta(hours=n + 1))  # fmt: skip
        seen = []
        for offset in range(0, 15, 5):
            seen += search("مؤتمر", limit=5, offset=offset, order="newest")
        self.assertEqual(len(seen), 12)
        self.assertEqual(len(set(seen)), 12)
        self.assertEqual(count("مؤتمر"), 12)
        self.assertEqual(search("مؤتمر", limit=5, offset=500), [])

    def test_every_hostile_query_returns_a_list(self):
        """FTS syntax, SQL, NUL and punctuation: ids or nothing, never an error."""
        backend = get_backend()
        for q in HOSTILE_QUERIES:
            parsed = parse_query(q.replace("\x00", ""))
            if parsed.is_empty:
                continue
            for options in (
                {},
                {"prefix_last": True, "titles_only": True},
                {"order": "newest"},
            ):
                self.assertIsInstance(
                    backend.search(parsed, Filters(), **options), list, q
                )
            self.assertGreaterEqual(backend.count(parsed, Filters()), 0)

    def test_results_read_back_through_published(self):
        """A stale index entry (a page unpublished without its signal) shows nothing."""
        minister = self.archive["minister"]
        type(minister).objects.filter(pk=minister.pk).update(live=False)
        results = find("المدرسة الابتدائية")
        self.assertNotIn(minister.pk, [hit.page.pk for hit in results[0:10]])

    def test_snippets_mark_the_words_as_written(self):
        (hit,) = find("الابتدائيه")[0:1]
        marked = [text for text, is_match in hit.snippet if is_match]
        self.assertEqual(marked, ["الابتدائية"])


class Reindexing(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.archive = build_archive()

    def test_reindex_drops_entries_of_drafts_and_restores_lost_ones(self):
        minister = self.archive["minister"]
        SearchEntry.objects.filter(page_id=minister.pk).delete()
        SearchEntry.objects.create(page_id=self.archive["draft"].pk, title_terms="مسودة",
                                   body_terms="", published_at=timezone.now())  # fmt: skip
        call_command("search", "reindex", verbosity=0)
        indexed = set(SearchEntry.objects.values_list("page_id", flat=True))
        self.assertIn(minister.pk, indexed)
        self.assertNotIn(self.archive["draft"].pk, indexed)
        self.assertEqual(search("المدرسة الابتدائية"), [minister.pk])

    def test_reindex_reports_what_it_did(self):
        from io import StringIO

        out = StringIO()
        call_command("search", "reindex", stdout=out)
        self.assertIn("Indexed 3 live public articles", out.getvalue())

    def test_index_pages_is_idempotent(self):
        ids = [self.archive["minister"].pk, self.archive["match"].pk]
        indexing.index_pages(ids)
        before = list(SearchEntry.objects.order_by("page_id").values())
        indexing.index_pages(ids)
        self.assertEqual(list(SearchEntry.objects.order_by("page_id").values()), before)

    def test_remove_pages_forgets_them(self):
        indexing.remove_pages([self.archive["match"].pk])
        self.assertEqual(search("الأهلي"), [])

    def test_unpublishing_and_republishing_follow_the_signals(self):
        match = self.archive["match"]
        match.unpublish()
        self.assertEqual(search("الأهلي"), [])
        match.save_revision().publish()
        self.assertEqual(search("الأهلي"), [match.pk])

    def test_a_body_edit_is_searchable_after_publishing(self):
        match = self.archive["match"]
        match.body = [{"type": "paragraph", "value": "<p>ركلة جزاء حاسمة</p>"}]
        match.save_revision().publish()
        self.assertEqual(search("جزاء"), [match.pk])
