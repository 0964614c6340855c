"""A bulk load on PostgreSQL refreshes planner statistics as it doubles (#21)."""

from contextlib import contextmanager

from nashra.core.statistics import GrowingTables


class Recording:
    def __init__(self, vendor):
        self.vendor = vendor
        self.statements = []

    @contextmanager
    def cursor(self):
        yield self

    def execute(self, sql):
        self.statements.append(sql)


def analysed_after(vendor, batches):
    connection = Recording(vendor)
    tables = GrowingTables(first=1000, using_connection=connection)
    marks = []
    for rows in batches:
        before = len(connection.statements)
        tables.wrote(rows)
        if len(connection.statements) > before:
            marks.append(tables.written)
    return marks


def test_postgresql_is_analysed_at_each_doubling():
    assert analysed_after("postgresql", [100] * 90) == [1000, 2000, 4000, 8000]


def test_a_big_batch_past_two_marks_analyses_once():
    assert analysed_after("postgresql", [500, 3000, 100]) == [3500]


def test_sqlite_is_left_alone():
    assert analysed_after("sqlite", [100] * 90) == []
