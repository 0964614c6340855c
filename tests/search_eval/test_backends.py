"""The database backend in use (SQLite FTS5 or PostgreSQL) meets the #5
targets on the evaluation set, exactly as the in-memory engine does.

CI runs the suite once on SQLite and once on PostgreSQL, so both backends
pass these same assertions.
"""

from datetime import datetime, time

from django.test import TestCase
from django.utils import timezone
from django.utils.html import escape

from nashra.articles.models import ArticlePage
from nashra.home.models import HomePage
from nashra.search.backends import Filters, get_backend
from nashra.search.models import SearchEntry
from nashra.sections.models import SectionPage
from nashra.text.query import parse_query

from .corpus import ARTICLES
from .evaluate import evaluate

# Every corpus date lies in 2024; "now" is fixed so freshness ranks the same
# whatever day the suite runs.
NOW = timezone.make_aware(datetime(2025, 1, 1, 12, 0))


def load_corpus(articles=ARTICLES, slug="eval") -> dict[int, int]:
    """Create the corpus as live articles in one section; page id → corpus id."""
    home = HomePage.objects.get()
    section = home.add_child(instance=SectionPage(title="تقييم البحث", slug=slug))
    page_to_corpus = {}
    for article in articles:
        published = timezone.make_aware(
            datetime.combine(datetime.fromisoformat(article["published"]), time(12))
        )
        page = section.add_child(
            instance=ArticlePage(
                title=article["title"],
                slug=f"eval-{article['id']}",
                body=[
                    {"type": "paragraph", "value": f"<p>{escape(article['body'])}</p>"}
                ],
                published_at=published,
                first_published_at=published,
            )
        )
        page_to_corpus[page.pk] = article["id"]
    return page_to_corpus


def database_search(page_to_corpus: dict[int, int]):
    backend = get_backend()

    def search(query: str) -> list[int]:
        ids = backend.search(parse_query(query), Filters(now=NOW), limit=10)
        return [page_to_corpus[pk] for pk in ids]

    return search


class DatabaseBackendTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.page_to_corpus = load_corpus()
        cls.report = evaluate(database_search(cls.page_to_corpus))

    def test_every_article_is_indexed(self):
        """Live articles saved by importers or scripts are searchable too."""
        self.assertEqual(SearchEntry.objects.count(), len(ARTICLES))

    def test_recall_and_mrr_targets(self):
        """Readers find the article they mean, near the top, on this database."""
        overall = self.report["overall"]
        self.assertGreaterEqual(overall["recall"], 0.95, self.report["failures"])
        self.assertGreaterEqual(overall["mrr"], 0.85, self.report["failures"])

    def test_no_result_queries_find_nothing(self):
        """Gibberish, FTS syntax or punctuation must not list random articles."""
        self.assertEqual(self.report["no_result_hits"], 0, self.report["failures"])
