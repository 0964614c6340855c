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


class GrowingTables:
    """ANALYZE each time a bulk load has doubled what it wrote (from
    ``first`` rows), on PostgreSQL: plans made for the empty tables of the
    start turned a 50,000-post import from 194 posts/s to 84 as the tables
    grew, with autovacuum off (this machine) or behind a fast load; one
    ANALYZE at 44,000 posts brought it back to 197 (#21). Log2 of the load
    passes, each a sample of each table. SQLite's plans did not degrade.
    """

    def __init__(self, first=1000, using_connection=connection):
        self.connection = using_connection
        self.written = 0
        self.next = first

    def wrote(self, rows):
        self.written += rows
        if self.written < self.next or self.connection.vendor != "postgresql":
            return
        while self.next <= self.written:
            self.next *= 2
        refresh_planner_statistics(self.connection)
