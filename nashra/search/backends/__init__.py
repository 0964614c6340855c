"""Full-text search over SearchEntry on SQLite FTS5 or PostgreSQL (#5).

Both backends take a ParsedQuery (nashra.text.query) and return article ids,
best first. They differ only in how a query is matched and scored; filters,
freshness and paging are shared (base.py).
"""

from django.db import connection

from nashra.search.backends.base import Filters, SearchBackend

__all__ = ["Filters", "SearchBackend", "get_backend"]


def get_backend() -> SearchBackend:
    """The backend for the default database."""
    if connection.vendor == "postgresql":
        from nashra.search.backends.postgres import PostgresBackend

        return PostgresBackend()
    from nashra.search.backends.sqlite import SQLiteBackend

    return SQLiteBackend()
