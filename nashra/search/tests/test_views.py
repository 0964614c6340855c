"""The search page and the suggest endpoint: results, safety, bad input (#5)."""

from datetime import UTC, datetime

import pytest
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from nashra.articles.factories import create_article, paragraph
from nashra.search.tests.helpers import build_archive

HOSTILE_QUERIES = [
    "",
    "   ",
    "وزير " * 2000,  # 10,000 characters
    "ا" * 10_000,
    "!!! ؟؟؟ ،،، ...",
    "ًٌٍَُِّْ",  # harakat only
    "ـــــ",  # tatweel only
    '"',
    '"وزير',
    'وزير "الخارجية',
    "* ^ : NEAR OR AND ( )",
    "NEAR(وزير مدرسة)",
    "وزير OR 1=1",
    "title_terms: وزير",
    "وزير*",
    "^وزير",
    "'; DROP TABLE search_searchentry; --",
    "' OR '1'='1",
    "وزير & مدرسة | !كرة <-> :*",
    "\\",
    "-",
    "-وزير",
    "\x00وزير",
    "﷽",
    "<script>alert(1)</script>",
]

ODD_PARAMETERS = [
    "page=abc",
    "page=-1",
    "page=99999999999",
    "page=999",
    "section=abc",
    "section=999999",
    "section=1e9",
    "date_from=2024-13-45",
    "date_from=9999-12-31&date_to=9999-12-31",
    "date_to=0001-01-01",
    "sort=DROP",
    "q=وزير&q=مدرسة",
    "q[]=وزير",
]


class SearchPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.archive = build_archive()
        cls.hostile = create_article(
            cls.archive["world"],
            "وزير <b>يحذر</b> من <script>alert(1)</script>",
            body=[paragraph("الوزير يحذر &lt;img src=x onerror=alert(1)&gt;")],
        )

    def get(self, query_string):
        return self.client.get("/search/?" + query_string)

    def test_finds_spelling_variants_and_marks_the_words_as_written(self):
        """Readers type "المدرسه" for "المدرسة"; the page must show what they meant."""
        response = self.client.get("/search/", {"q": "المدرسه الابتدائيه"})
        self.assertContains(response, "<mark>المدرسة</mark>")
        self.assertContains(response, "<mark>الابتدائية</mark>")
        self.assertContains(response, self.archive["minister"].url)

    def test_results_are_escaped(self):
        """Headlines and text are escaped; only our <mark> is markup (XSS)."""
        response = self.client.get("/search/", {"q": "يحذر"})
        self.assertNotContains(response, "<script>alert")
        self.assertNotContains(response, "<b>يحذر")
        self.assertContains(response, "&lt;script&gt;")

    def test_search_pages_are_not_indexed_by_search_engines(self):
        """Result pages are endless thin content; crawlers must skip them."""
        response = self.client.get("/search/", {"q": "وزير"})
        self.assertContains(response, '<meta name="robots" content="noindex, follow">')

    def test_drafts_never_appear_or_leak_through_snippets(self):
        response = self.client.get("/search/", {"q": "مسودة سرية"})
        self.assertNotContains(response, "مسودة سرية عن")
        self.assertContains(response, "search__empty")

    def test_zero_results_say_so_helpfully(self):
        response = self.client.get("/search/", {"q": "زرافة قطبية"})
        self.assertContains(response, "لم نعثر على مقالات تطابق «زرافة قطبية»")
        self.assertContains(response, "جرّب كلمات أقل")

    def test_fresh_story_ranks_above_an_equal_old_one(self):
        """A news reader wants this week's story before one from years ago."""
        response = self.client.get("/search/", {"q": "وزير الخارجية"})
        content = response.content.decode()
        self.assertLess(
            content.index(self.archive["minister"].url),
            content.index(self.archive["old_minister"].url),
        )

    def test_newest_order_and_phrase_and_exclusion(self):
        response = self.client.get("/search/", {"q": '"وزير الخارجية" -سنوات'})
        self.assertContains(response, self.archive["minister"].url)
        self.assertNotContains(response, self.archive["old_minister"].url)

    def test_section_filter_includes_subsections(self):
        sport = self.archive["sport"].pk
        response = self.client.get("/search/", {"q": "الأهلي", "section": sport})
        self.assertContains(response, self.archive["match"].url)
        response = self.client.get(
            "/search/", {"q": "الأهلي", "section": self.archive["world"].pk}
        )
        self.assertNotContains(response, self.archive["match"].url)

    def test_date_filter(self):
        # The form reads days in the site's zone; .date() of the stored UTC
        # time is the previous day from 18:30 UTC on under +05:30.
        old = timezone.localdate(self.archive["old_minister"].published_at)
        response = self.client.get(
            "/search/", {"q": "وزير", "date_from": old, "date_to": old}
        )
        self.assertContains(response, self.archive["old_minister"].url)
        self.assertNotContains(response, self.archive["minister"].url)

    def test_date_filter_days_are_the_sites_not_utc(self):
        """20:00 UTC on 10 March is 01:30 on 11 March in Kolkata (+05:30)."""
        late = create_article(
            self.archive["world"],
            "اجتماع المجلس البلدي",
            published_at=datetime(2024, 3, 10, 20, 0, tzinfo=UTC),
        )
        day = {"q": "البلدي", "date_from": "2024-03-11", "date_to": "2024-03-11"}
        self.assertContains(self.client.get("/search/", day), late.url)
        utc_day = {"q": "البلدي", "date_from": "2024-03-10", "date_to": "2024-03-10"}
        self.assertNotContains(self.client.get("/search/", utc_day), late.url)

    def test_pagination_keeps_the_query(self):
        for number in range(11):
            create_article(self.archive["world"], f"تقرير الميزانية رقم {number}")
        response = self.client.get("/search/", {"q": "الميزانية", "sort": "newest"})
        self.assertContains(response, "?q=%D8%A7%D9%84%D9%85")
        self.assertContains(response, "page=2")
        self.assertEqual(self.get("q=الميزانية&page=2").status_code, 200)

    def test_hostile_queries_never_fail(self):
        """Syntax, SQL and junk are text to search for, never a 500 (#5)."""
        for q in HOSTILE_QUERIES:
            with self.subTest(q=q[:30]):
                # NUL may get the site's Arabic 400 before any view runs (#2).
                expected = (200, 400) if "\x00" in q else (200,)
                response = self.client.get("/search/", {"q": q})
                self.assertIn(response.status_code, expected)
                self.assertIn(
                    self.client.get("/search/suggest/", {"q": q}).status_code,
                    expected,
                )

    def test_no_result_syntax_queries_find_nothing(self):
        for q in ["* ^ : NEAR OR AND ( )", "ًٌٍَُِّْ", '"', "-وزير"]:
            with self.subTest(q=q):
                self.assertNotContains(
                    self.client.get("/search/", {"q": q}), "search-result"
                )

    def test_odd_parameters_never_fail(self):
        for query_string in ODD_PARAMETERS:
            with self.subTest(query_string=query_string):
                status = self.get("q=وزير&" + query_string).status_code
                self.assertIn(status, (200, 404))


class SuggestTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.archive = build_archive()

    def test_prefix_of_the_last_word_suggests_headlines(self):
        """Search as you type: "الأه" must already offer the match report."""
        response = self.client.get("/search/suggest/", {"q": "الأه"})
        results = response.json()["results"]
        self.assertEqual(results[0]["title"], "الأهلي يفوز في المباراة النهائية")
        self.assertEqual(results[0]["section"], "كرة القدم")
        self.assertEqual(results[0]["url"], self.archive["match"].url)

    def test_cacheable_by_browsers_and_proxies(self):
        response = self.client.get("/search/suggest/", {"q": "وزير"})
        self.assertIn("public", response["Cache-Control"])
        self.assertIn("max-age=60", response["Cache-Control"])

    def test_drafts_are_not_suggested(self):
        response = self.client.get("/search/suggest/", {"q": "مسود"})
        self.assertEqual(response.json()["results"], [])


class ReindexCommandTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.archive = build_archive()

    def test_reindex_rebuilds_and_reports(self):
        from io import StringIO

        from nashra.search.models import SearchEntry

        SearchEntry.objects.all().delete()
        out = StringIO()
        call_command("search", "reindex", stdout=out)
        self.assertEqual(SearchEntry.objects.count(), 3)
        self.assertIn("Indexed 3 live public articles of 4", out.getvalue())
        self.assertIn("articles/s", out.getvalue())
        self.assertNotIn("\r", out.getvalue())


@pytest.mark.parametrize(
    ("done", "expected"),
    [(0, "0/200   0%"), (50, "50/200  25%"), (200, "200/200 100%")],
)
def test_progress_line_shows_counts_rate_and_time_left(done, expected):
    """Operators rebuilding a big archive need to know how long it will take."""
    from io import StringIO

    from nashra.search.progress import ProgressBar

    clock = iter([0.0, 10.0]).__next__
    bar = ProgressBar(200, StringIO(), clock=clock)
    line = bar.line(done)
    assert expected in line
    assert "articles/s" in line
    assert "left" in line
