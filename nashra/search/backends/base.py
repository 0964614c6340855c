"""What both search backends share: filters, freshness, ordering, paging.

Relevance blends text rank with freshness (#5), so this week's story comes
before a 2015 one that matches as well:

    score = text_rank / sqrt(1 + age_days / 30)

An article a month old needs 1.4 times the text rank of today's to rank
level with it, a year-old one 3.6 times, a ten-year-old one 11 times. The
text rank is FTS5's bm25 (negated, so higher is better) or PostgreSQL's
ts_rank_cd; headlines weigh more than body text in both.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db import connection
from django.utils import timezone

from nashra.text.query import ParsedQuery

FRESHNESS_DAYS = 30
# Counting stops here: nobody pages through 100 pages of results, and an
# exact count of a common word's matches costs more than the search itself.
MAX_COUNT = 1000
ORDERS = ("relevance", "newest")
# Relevance ranks in two steps: the engine's own text rank picks this many
# best matches, and only those are joined for freshness. Blending every
# match of a common word (a fifth of the archive) cost 75-250 ms at 100,000
# articles; a story outside the best few hundred by text would need to be
# many times fresher than all of them to reach the first pages.
CANDIDATES = 300


@dataclass(frozen=True)
class Filters:
    """Where to search: sections (ids, subsections included) and a date range."""

    section_ids: tuple[int, ...] = ()
    published_from: datetime | None = None
    published_before: datetime | None = None
    now: datetime = field(default_factory=timezone.now)


class SearchBackend:
    """Subclasses say how to match and rank; see sqlite.py and postgres.py.

    SQL fragments use named parameters: %(match)s is the backend's match
    string and %(now)s the moment "now" of the search.
    """

    #: FROM clause joining the full-text structure to SearchEntry as "e".
    source = ""
    #: Condition selecting the matching rows.
    match = ""
    #: Text rank expression, higher is better.
    rank = ""
    #: Age of e.published_at in days, never negative.
    age_days = ""
    #: SELECT of (id, text_rank) for the best %(candidates)s matches,
    #: without reading SearchEntry's wide rows where the engine allows.
    best_matches = ""

    #: Condition selecting the rows whose headline matches, for suggestions.
    title_match = ""
    #: Scheduled articles stay hidden until their time.
    not_future = "e.published_at <= %(now)s"
    #: The same condition in the capped count (a backend may steer its plan).
    count_not_future = not_future

    _last_count: tuple = (None, 0)

    def match_string(self, parsed: ParsedQuery, prefix_last: bool) -> str:
        raise NotImplementedError

    def _where(self, parsed, filters, prefix_last, titles_only=False, *, count=False):
        match = self.title_match if titles_only else self.match
        conditions = [match, self.count_not_future if count else self.not_future]
        params = {
            "match": self.match_string(parsed, prefix_last),
            "now": _db_datetime(filters.now),
        }
        if filters.section_ids:
            names = []
            for number, section_id in enumerate(filters.section_ids):
                params[f"section{number}"] = section_id
                names.append(f"%(section{number})s")
            conditions.append(f"e.section_id IN ({', '.join(names)})")
        if filters.published_from:
            conditions.append("e.published_at >= %(from)s")
            params["from"] = _db_datetime(filters.published_from)
        if filters.published_before:
            conditions.append("e.published_at < %(before)s")
            params["before"] = _db_datetime(filters.published_before)
        return " AND ".join(conditions), params

    def search(
        self,
        parsed: ParsedQuery,
        filters: Filters | None = None,
        *,
        order: str = "relevance",
        limit: int = 10,
        offset: int = 0,
        prefix_last: bool = False,
        titles_only: bool = False,
    ) -> list[int]:
        """Article ids matching ``parsed``, best (or newest) first.

        ``titles_only`` matches headlines alone: suggestions under the
        search box show headlines, and a prefix matched against every body
        word cost several times the search itself (#5).
        """
        if parsed.is_empty or limit <= 0:
            return []
        filters = filters or Filters()
        params = {"limit": limit, "offset": max(offset, 0)}
        if order == "newest" or _narrowed(filters):
            # Filters can leave few of the best text matches, so a filtered
            # search blends every match; newest-first needs no text rank.
            where, where_params = self._where(parsed, filters, prefix_last, titles_only)
            if order == "newest":
                ordering = f"{self.by_date(parsed, filters)}, e.page_id DESC"
            else:
                ordering = (
                    f"{self._score(self.rank)} DESC, "
                    "e.published_at DESC, e.page_id DESC"
                )
            sql = (
                f"SELECT e.page_id FROM {self.source} WHERE {where} "  # noqa: S608
                f"ORDER BY {ordering} LIMIT %(limit)s OFFSET %(offset)s"
            )
        else:
            where_params = {
                "match": self.match_string(parsed, prefix_last),
                "now": _db_datetime(filters.now),
                "candidates": max(CANDIDATES, offset + limit),
            }
            pool, extra = self.candidates(parsed, prefix_last, titles_only)
            where_params |= extra
            sql = (
                f"SELECT e.page_id FROM ({pool}) e "  # noqa: S608
                f"ORDER BY {self._score('e.text_rank')} DESC, "
                "e.published_at DESC, e.page_id DESC "
                "LIMIT %(limit)s OFFSET %(offset)s"
            )
        return [row[0] for row in self.fetch(sql, params | where_params)]

    def candidates(
        self, parsed: ParsedQuery, prefix_last: bool, titles_only: bool
    ) -> tuple[str, dict]:
        """SELECT of (page_id, published_at, text_rank) for the relevance pool,
        published articles only, and the extra parameters it needs."""
        best = self.best_matches
        if titles_only:
            best = best.replace(self.match, self.title_match)
        sql = (
            "SELECT e.page_id, e.published_at, best.text_rank "  # noqa: S608
            f"FROM ({best}) best JOIN search_searchentry e ON e.page_id = best.id "
            "WHERE e.published_at <= %(now)s"
        )
        return sql, {}

    def by_date(self, parsed: ParsedQuery, filters: Filters) -> str:
        """Newest-first ordering; a backend may steer its planner here."""
        return "e.published_at DESC"

    def _score(self, text_rank: str) -> str:
        return f"({text_rank}) / sqrt(1 + ({self.age_days}) / {FRESHNESS_DAYS}.0)"

    def count(self, parsed: ParsedQuery, filters: Filters | None = None) -> int:
        """How many articles match (at most MAX_COUNT), for pagination."""
        if parsed.is_empty:
            return 0
        where, params = self._where(parsed, filters or Filters(), False, count=True)
        sql = (
            f"SELECT count(*) FROM (SELECT 1 FROM {self.source} "  # noqa: S608
            f"WHERE {where} LIMIT {MAX_COUNT}) hits"
        )
        # The pager and PostgreSQL's newest-first plan both ask, with the
        # same Filters (hence the same "now"), within one search.
        key = (sql, tuple(sorted(params.items())))
        if self._last_count[0] != key:
            self._last_count = (key, self.fetch(sql, params)[0][0])
        return self._last_count[1]

    def fetch(self, sql: str, params: dict) -> list[tuple]:
        """Run one search statement; a backend may set planner options here."""
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()


def _narrowed(filters: Filters) -> bool:
    return bool(
        filters.section_ids or filters.published_from or filters.published_before
    )


def _db_datetime(value: datetime):
    return connection.ops.adapt_datetimefield_value(value)
