from django.db import connection, transaction

from nashra.search.backends.base import (
    MAX_COUNT,
    Filters,
    SearchBackend,
    _db_datetime,
    _narrowed,
)
from nashra.text.query import ParsedQuery, to_tsquery


class PostgresBackend(SearchBackend):
    """PostgreSQL full-text search on the weighted tsvectors (migrations 0002, 0004)."""

    source = "search_searchentry e"
    match = "e.document @@ to_tsquery('simple', %(match)s)"
    # Its own small GIN index (migration 0004): a weight filter (:A) on
    # `document` would read every candidate's whole tsvector to check it.
    title_match = "e.title_document @@ to_tsquery('simple', %(match)s)"
    # ts_rank_cd's default weights give an A (headline) lexeme 2.5 times a B
    # (body) one, and a D lexeme, a name key (migration 0008, #18), a quarter; normalisation 1 divides by 1 + log(length), as bm25 damps
    # long articles. rank_document is the headline and the lead (migration
    # 0004): reading every match's whole tsvector cost more than the search.
    # The query is parsed in a subquery, once: to_tsquery() is only STABLE,
    # so written inline it ran again for every match (a third of the time);
    # joined in FROM instead, the planner may stop using the GIN index.
    # The count stops at MAX_COUNT rows, so with slim rows (migration 0005)
    # the planner liked walking the date index and testing each row's
    # out-of-line tsvector: 47 ms for a common word, against 11 ms through
    # the GIN index. An expression keeps the date index out of it.
    count_not_future = "(e.published_at + interval '0 days') <= %(now)s"
    rank = "ts_rank_cd(e.rank_document, (SELECT to_tsquery('simple', %(match)s)), 1)"
    age_days = "greatest(extract(epoch from (%(now)s - e.published_at)) / 86400, 0)"

    def match_string(self, parsed: ParsedQuery, prefix_last: bool) -> str:
        return to_tsquery(parsed, prefix_last=prefix_last)

    def candidates(self, parsed, prefix_last, titles_only):
        """The newest matches and the newest headline matches, ranked (#5).

        Ranking every match read every match's tsvector: 35,000 of them for
        a word in a third of the archive, 170 ms and more. The rows are slim
        (migration 0005), so finding the newest matches through the GIN
        index reads no tsvector at all, and only the pool is ranked. The
        headline pool keeps an old story whose headline matches in the race
        after the newest body matches have moved past it. Suggestions rank
        the headline pool alone.
        """
        phrases = bool(parsed.phrases)
        params = {"relaxed": to_tsquery(parsed, prefix_last=prefix_last, phrases=False)}
        # An excluded word may sit in the body of a headline match: the
        # headline pool also asks the whole document (word order aside, which
        # a phrase found in the headline already satisfies).
        whole = not titles_only and bool(parsed.excluded)
        pools = [_newest("title_document", phrases, also_document=whole)]
        if not titles_only:
            pools.append(_newest("document", phrases))
        return " UNION ".join(f"({sql})" for sql in pools), params

    def search(self, parsed, filters=None, *, order="relevance", **kwargs):
        filters = filters or Filters()
        if order != "newest" or not parsed.phrases or _narrowed(filters):
            return super().search(parsed, filters, order=order, **kwargs)
        # Newest first with a phrase: walking the date index checked each
        # row's whole document for the phrase (90 ms for "حمى الضنك"); the
        # pool's plan checks the newest rows holding the words, only until
        # the page is full.
        limit, offset = kwargs.get("limit", 10), max(kwargs.get("offset", 0), 0)
        if parsed.is_empty or limit <= 0:
            return []
        column = "title_document" if kwargs.get("titles_only") else "document"
        prefix_last = kwargs.get("prefix_last", False)
        params = {
            "match": self.match_string(parsed, prefix_last),
            "relaxed": to_tsquery(parsed, prefix_last=prefix_last, phrases=False),
            "now": _db_datetime(filters.now),
            "candidates": offset + limit,
            "offset": offset,
        }
        sql = (
            f"SELECT page_id FROM ({_newest(column, phrases=True)}) e "  # noqa: S608
            "ORDER BY published_at DESC, page_id DESC OFFSET %(offset)s"
        )
        return [row[0] for row in self.fetch(sql, params)]

    def by_date(self, parsed: ParsedQuery, filters: Filters) -> str:
        # Walking the date index finds ten of a common word's matches at once
        # but reads every row's whole tsvector for a rare one (3 s at 100,000
        # articles for a word in no article). The planner cannot tell them
        # apart: a word outside its statistics gets a fixed guess. The capped
        # count can, and costs little either way.
        if self.count(parsed, filters) >= MAX_COUNT:
            return "e.published_at DESC"
        # An expression, so the planner cannot walk the index.
        return "(e.published_at + interval '0 days') DESC"

    def fetch(self, sql: str, params: dict) -> list[tuple]:
        # For a word in a quarter of the archive the planner preferred a
        # sequential scan testing each row's tsvector, not knowing that this
        # reads it from TOAST: 1.2 s instead of 0.1 s through the GIN index.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(sql, params)
            return cursor.fetchall()


# An expression, so the planner cannot walk the date index and test each
# row's out-of-line tsvector; it sorts the GIN index's matches instead.
_NEWEST = "published_at + interval '0 days' DESC, page_id DESC"


def _newest(column: str, phrases: bool, *, also_document: bool = False) -> str:
    """The newest CANDIDATES rows where ``column`` matches, with their rank.

    The rank is computed on the pool alone, from the out-of-line
    rank_document the sort carries along as a pointer.
    """
    rank = "ts_rank_cd(rank_document, (SELECT to_tsquery('simple', %(match)s)), 1)"
    document = (
        "AND document @@ to_tsquery('simple', %(relaxed)s) " if also_document else ""
    )
    if not phrases:
        return (
            f"SELECT page_id, published_at, {rank} AS text_rank FROM ("  # noqa: S608
            "SELECT page_id, published_at, rank_document FROM search_searchentry "
            f"WHERE {column} @@ to_tsquery('simple', %(match)s) {document}"
            f"AND published_at <= %(now)s ORDER BY {_NEWEST} LIMIT %(candidates)s"
            ") newest"
        )
    # The GIN index checks that a phrase's words occur, not their order:
    # that needs the tsvector itself, out of line. Checked on every match it
    # cost 300 ms for "البنك المركزي"; checked newest first, it stops once
    # the pool is full.
    return (
        f"SELECT page_id, published_at, {rank} AS text_rank FROM ("  # noqa: S608
        f"SELECT page_id, published_at, rank_document, {column} AS terms "
        f"FROM search_searchentry WHERE {column} @@ to_tsquery('simple', "
        f"%(relaxed)s) {document}AND published_at <= %(now)s "
        f"ORDER BY {_NEWEST} OFFSET 0"
        ") newest WHERE terms @@ (SELECT to_tsquery('simple', %(match)s)) "
        "LIMIT %(candidates)s"
    )
