"""«هل تقصد؟» on the search page, on the suite's backend (#18).

The same tests run on SQLite FTS5 and on PostgreSQL (DATABASE_URL=postgres://…);
``PostgresDidYouMean`` pins that the PostgreSQL backend really answered and
skips on SQLite.
"""

import re
from html import unescape
from unittest import skipUnless
from urllib.parse import unquote

from django.db import connection
from django.test import TestCase

from nashra.articles.factories import create_article, paragraph
from nashra.search import spelling
from nashra.search.backends import get_backend
from nashra.search.tests.helpers import build_archive


def suggestion_link(html):
    found = re.search(r'class="search__suggestion">هل تقصد؟ <a href="([^"]*)"', html)
    return unquote(unescape(found.group(1))) if found else None


class DidYouMean(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.archive = build_archive()
        for n in range(3):
            create_article(
                cls.archive["world"],
                f"الاقتصاد السعودي في الربع {n}",
                body=[paragraph("نمو الاقتصاد رغم تراجع أسعار النفط.")],
            )
        # A typo in one body: the misspelling finds this article alone.
        create_article(
            cls.archive["world"],
            "أسواق الخليج",
            body=[paragraph("تحسن الاقتصد في الخليج.")],
        )

    def setUp(self):
        spelling.forget()
        self.addCleanup(spelling.forget)

    def page(self, q, **extra):
        response = self.client.get("/search/", {"q": q, **extra})
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_no_results_offers_the_closest_spelling_with_results(self):
        html = self.page("المبارة")
        self.assertIn("لم نعثر على مقالات", html)
        self.assertEqual(suggestion_link(html), "?q=المباراة")

    def test_the_suggestion_runs_the_suggested_search(self):
        link = suggestion_link(self.page("المبارة"))
        html = self.client.get("/search/" + link).content.decode()
        self.assertIn(unquote(self.archive["match"].url), unquote(html))
        self.assertIsNone(suggestion_link(html))

    def test_a_few_results_still_get_a_suggestion_with_more(self):
        """A typo that one article shares finds one story; the spelling of
        the headlines finds three."""
        html = self.page("الاقتصد")
        self.assertIn("وجدنا مقالا واحدا", html)
        self.assertEqual(suggestion_link(html), "?q=الاقتصاد")

    def test_enough_results_get_no_suggestion(self):
        """«الاقتصاد» finds three articles: a suggestion would only distract."""
        html = self.page("الاقتصاد")
        self.assertIn("وجدنا 3 مقالات", html)
        self.assertIsNone(suggestion_link(html))

    def test_folded_spellings_are_not_corrected(self):
        """Hamza, taa marbuta and clitics already match: no «هل تقصد؟»."""
        for q in ("الإقتصاد", "والاقتصاد", "المباراه"):
            self.assertIsNone(suggestion_link(self.page(q)), q)

    def test_nothing_near_offers_nothing(self):
        html = self.page("طائرات")
        self.assertIn("لم نعثر على مقالات", html)
        self.assertIsNone(suggestion_link(html))

    def test_a_draft_is_never_the_source_of_a_suggestion(self):
        """«مسودة سرية» is only in a draft: suggesting it would leak it."""
        self.assertIsNone(suggestion_link(self.page("مسوده سريه")))
        self.assertIsNone(suggestion_link(self.page("سربة")))

    def test_filters_are_kept_and_respected(self):
        """In «الرياضة» the economy stories do not count."""
        sport = self.archive["sport"].pk
        html = self.page("المبارة", section=sport)
        link = suggestion_link(html)
        self.assertIn(f"section={sport}", link)
        self.assertIn("q=المباراة", link)
        html = self.page("الاقتصد", section=sport)
        self.assertIsNone(suggestion_link(html))

    def test_hostile_input_gets_an_answer_not_a_500(self):
        for q in ('"', "-", "ـــ", "ّ" * 50, "\u202e", "a" * 400, "مبارة" * 40):
            self.page(q)


@skipUnless(connection.vendor == "postgresql", "DATABASE_URL is not PostgreSQL")
class PostgresDidYouMean(DidYouMean):
    def test_the_postgresql_backend_answers(self):
        from nashra.search.backends.postgres import PostgresBackend

        self.assertIsInstance(get_backend(), PostgresBackend)
