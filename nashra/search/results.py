"""A reader's search as a lazily paged list of highlighted hits (#5).

Hits are read back through ArticlePage.objects.published(), so even an index
entry that went stale can never show a draft or a private article.
"""

from dataclasses import dataclass
from functools import cached_property

from nashra.articles.models import ArticlePage
from nashra.search.backends import Filters, get_backend
from nashra.search.indexing import searchable_text
from nashra.text.highlight import Segments, highlight, snippet
from nashra.text.query import ParsedQuery, parse_query

SNIPPET_LENGTH = 220


@dataclass
class Hit:
    """One result: the article, its headline and a snippet with the matches marked."""

    page: ArticlePage
    title: Segments
    snippet: Segments


class SearchResults:
    """Sliceable and countable, so Django's Paginator can page it."""

    def __init__(self, parsed: ParsedQuery, filters=None, order="relevance"):
        self.parsed = parsed
        self.filters = filters or Filters()
        self.order = order
        self.backend = get_backend()

    @cached_property
    def terms(self) -> list[str]:
        phrase_terms = [t for phrase in self.parsed.phrases for t in phrase]
        # A name's keys mark it however the article spells it (#18).
        keys = [key for key in self.parsed.keys + self.parsed.joins if key]
        return self.parsed.terms + phrase_terms + keys

    def count(self) -> int:
        return self._count

    @cached_property
    def _count(self) -> int:
        return self.backend.count(self.parsed, self.filters)

    def __len__(self):
        return self._count

    def ids(self, limit=10, offset=0) -> list[int]:
        return self.backend.search(
            self.parsed, self.filters, order=self.order, limit=limit, offset=offset
        )

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        offset = index.start or 0
        limit = (index.stop if index.stop is not None else offset + 10) - offset
        ids = self.ids(limit, offset)
        pages = ArticlePage.objects.published().select_related("section").in_bulk(ids)
        return [self.hit(pages[pk]) for pk in ids if pk in pages]

    def hit(self, page: ArticlePage) -> Hit:
        return Hit(
            page=page,
            title=highlight(page.title, self.terms),
            snippet=snippet(searchable_text(page), self.terms, SNIPPET_LENGTH),
        )


def find(q: str, filters: Filters | None = None, order: str = "relevance"):
    """Search the live, public articles for what a reader typed."""
    return SearchResults(parse_query(q), filters, order)
