from nashra.search.backends.base import SearchBackend
from nashra.text.query import ParsedQuery, to_tsquery


class PostgresBackend(SearchBackend):
    """PostgreSQL full-text search on the weighted tsvector (migration 0002)."""

    source = "search_searchentry e"
    match = "e.document @@ to_tsquery('simple', %(match)s)"
    # ts_rank_cd's default weights give an A (headline) lexeme 2.5 times a B
    # (body) one; normalisation 1 divides by 1 + log(length), as bm25 damps
    # long articles. The query is parsed again here rather than joined in
    # FROM so the planner keeps using the GIN index for the match.
    rank = "ts_rank_cd(e.document, to_tsquery('simple', %(match)s), 1)"
    age_days = "greatest(extract(epoch from (%(now)s - e.published_at)) / 86400, 0)"

    def match_string(self, parsed: ParsedQuery, prefix_last: bool) -> str:
        return to_tsquery(parsed, prefix_last=prefix_last)
