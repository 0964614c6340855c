"""The search-as-you-type endpoint and the search form's odd parameters (#5)."""

from django.test import TestCase

from nashra.search.forms import MAX_QUERY_INPUT, SearchForm
from nashra.search.tests.helpers import build_archive
from nashra.search.tests.test_views import HOSTILE_QUERIES


class Suggest(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.archive = build_archive()

    def suggest(self, q):
        response = self.client.get("/search/suggest/", {"q": q})
        self.assertEqual(response.status_code, 200)
        return response

    def test_headlines_come_with_url_and_section(self):
        (found,) = self.suggest("يفو").json()["results"]
        self.assertEqual(found["title"], self.archive["match"].title)
        self.assertEqual(found["section"], "كرة القدم")
        self.assertEqual(found["url"], self.archive["match"].url)

    def test_one_letter_is_not_a_prefix(self):
        self.assertEqual(self.suggest("ي").json()["results"], [])

    def test_drafts_never_suggest(self):
        self.assertEqual(self.suggest("مسودة").json()["results"], [])

    def test_the_answer_is_public_and_cached_briefly(self):
        response = self.suggest("وزير")
        self.assertIn("public", response["Cache-Control"])
        self.assertIn("max-age=60", response["Cache-Control"])

    def test_hostile_queries_answer_json(self):
        for q in HOSTILE_QUERIES:
            body = self.suggest(q).json()
            self.assertIn("results", body, q)
            self.assertNotIn("\x00", body["q"])
            self.assertLessEqual(len(body["q"]), MAX_QUERY_INPUT)

    def test_post_is_refused(self):
        self.assertEqual(
            self.client.post("/search/suggest/", {"q": "x"}).status_code, 405
        )


class Form(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.archive = build_archive()

    def form(self, **data):
        return SearchForm(data)

    def test_a_section_includes_its_subsections(self):
        form = self.form(section=str(self.archive["sport"].pk))
        ids = set(form.filters().section_ids)
        self.assertEqual(ids, {self.archive["sport"].pk, self.archive["football"].pk})
        self.assertTrue(form.is_filtered)

    def test_an_unknown_section_is_dropped_not_an_error(self):
        form = self.form(section="999999")
        self.assertEqual(form.filters().section_ids, ())
        self.assertFalse(form.is_filtered)

    def test_the_last_day_is_included(self):
        form = self.form(date_from="2024-03-01", date_to="2024-03-01")
        filters = form.filters()
        self.assertEqual((filters.published_before - filters.published_from).days, 1)
        self.assertEqual(str(filters.published_from.utcoffset()), "5:30:00")

    def test_the_end_of_the_calendar_does_not_overflow(self):
        filters = self.form(date_to="9999-12-31").filters()
        self.assertIsNone(filters.published_before)

    def test_input_is_cut_and_nul_removed(self):
        form = self.form(q="\x00" + "و" * 5000)
        self.assertNotIn("\x00", form.query)
        self.assertLessEqual(len(form.query), MAX_QUERY_INPUT)

    def test_an_unknown_order_is_relevance(self):
        self.assertEqual(self.form(sort="DROP").order, "relevance")
        self.assertEqual(self.form(sort="newest").order, "newest")
