"""Planner statistics are refreshed after bulk loads (#7, #8)."""

from django.db import connection
from django.test import TestCase

from nashra.articles.models import ArticlePage
from nashra.core.statistics import refresh_planner_statistics
from nashra.core.tests.factories import build_newspaper


def has_planner_statistics(model):
    """Whether the planner has statistics for the model's table."""
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
            if cursor.fetchone() is None:
                return False
            cursor.execute("SELECT 1 FROM sqlite_stat1 WHERE tbl = %s", [table])
            return cursor.fetchone() is not None
        # reltuples is -1 until the table is first analysed or vacuumed, and
        # ANALYZE writes it in place, so it shows inside the test transaction.
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
        return cursor.fetchone()[0] >= 0


class RefreshPlannerStatisticsTests(TestCase):
    def test_statistics_exist_after_refresh(self):
        """Without statistics PostgreSQL picked a 1.2 s plan for the home page."""
        build_newspaper(articles_per_section=2)
        refresh_planner_statistics()
        assert has_planner_statistics(ArticlePage)
