from nashra.search.backends.base import SearchBackend
from nashra.text.query import ParsedQuery, to_fts5_match

# bm25 column weights: a headline word counts twice a body word, as in the
# in-memory engine the evaluation set was tuned on. A name key (#18) counts
# half a body word: an article spelling the name as the reader typed it
# matches its term as well as its key, and comes first.
TITLE_WEIGHT, BODY_WEIGHT, NAME_WEIGHT = 2.0, 1.0, 0.5


class SQLiteBackend(SearchBackend):
    """SQLite FTS5 over the analysed terms and name keys (migrations 0002, 0008)."""

    source = "search_fts JOIN search_searchentry e ON e.page_id = search_fts.rowid"
    match = "search_fts MATCH %(match)s"
    # An FTS5 column filter over the whole expression (exclusions included).
    title_match = "search_fts MATCH 'title_terms : (' || %(match)s || ')'"
    rank = f"-bm25(search_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}, {NAME_WEIGHT})"
    age_days = "max(julianday(%(now)s) - julianday(e.published_at), 0)"
    # FTS5 alone: rowid and bm25 come from the full-text index itself.
    best_matches = (
        f"SELECT rowid AS id, {rank} AS text_rank FROM search_fts "  # noqa: S608
        "WHERE search_fts MATCH %(match)s ORDER BY text_rank DESC "
        "LIMIT %(candidates)s"
    )

    def match_string(self, parsed: ParsedQuery, prefix_last: bool) -> str:
        return to_fts5_match(parsed, prefix_last=prefix_last)
