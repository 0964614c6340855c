from django.db import connection, transaction

from nashra.search.backends.base import MAX_COUNT, Filters, SearchBackend
from nashra.text.query import ParsedQuery, to_tsquery


class PostgresBackend(SearchBackend):
    """PostgreSQL full-text search on the weighted tsvectors (migrations 0002, 0004)."""

    source = "search_searchentry e"
    match = "e.document @@ to_tsquery('simple', %(match)s)"
    # Its own small GIN index (migration 0004): a weight filter (:A) on
    # `document` would read every candidate's whole tsvector to check it.
    title_match = "e.title_document @@ to_tsquery('simple', %(match)s)"
    # ts_rank_cd's default weights give an A (headline) lexeme 2.5 times a B
    # (body) one; normalisation 1 divides by 1 + log(length), as bm25 damps
    # long articles. rank_document is the headline and the lead (migration
    # 0004): reading every match's whole tsvector cost more than the search.
    # The query is parsed in a subquery, once: to_tsquery() is only STABLE,
    # so written inline it ran again for every match (a third of the time);
    # joined in FROM instead, the planner may stop using the GIN index.
    rank = "ts_rank_cd(e.rank_document, (SELECT to_tsquery('simple', %(match)s)), 1)"
    best_matches = (
        f"SELECT e.page_id AS id, {rank} AS text_rank "  # noqa: S608
        "FROM search_searchentry e "
        f"WHERE {match} ORDER BY text_rank DESC LIMIT %(candidates)s"
    )
    age_days = "greatest(extract(epoch from (%(now)s - e.published_at)) / 86400, 0)"

    def match_string(self, parsed: ParsedQuery, prefix_last: bool) -> str:
        return to_tsquery(parsed, prefix_last=prefix_last)

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
