"""Planner statistics after a bulk load (#7, #8).

A query planner without statistics guesses, and at 100,000 articles a bad
guess costs seconds: PostgreSQL chose a 1.2 s plan for the home page's latest
block on a freshly generated database (measured, session 2). Autovacuum would
analyse eventually, but it can be off (it is on this project's CI machine) and
readers arrive straight after an import. So the bulk writers refresh the
statistics themselves when they finish.
"""

from django.db import connection


def refresh_planner_statistics(using_connection=connection):
    """Refresh the planner's table statistics after many rows were written."""
    # Plain ANALYZE on both: SQLite's `PRAGMA optimize` skips tables this
    # connection has not queried, which after a load is most of them.
    with using_connection.cursor() as cursor:
        cursor.execute("ANALYZE")
