"""Breaking news and daily views moved from theme to articles with their
rows, their tables' names and the permissions editors hold on them (#13)."""

from datetime import date, timedelta

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import TransactionTestCase
from django.utils import timezone

from nashra.articles.factories import create_article
from nashra.articles.models import Breaking, DailyViews
from nashra.core.tests.factories import build_newspaper

BEFORE = [("articles", "0006_listing_indexes"), ("theme", "0003_site_description")]
AFTER = [
    ("articles", "0007_move_breaking_and_views"),
    ("theme", "0004_move_breaking_and_views"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def migrate_to_the_latest():
    """Back to every app's last migration: migrating articles back took the
    apps that depend on it back too, and the tests after this one need the
    schema of today's code."""
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


class MovedModelsMigrationTests(TransactionTestCase):
    def tearDown(self):
        migrate_to_the_latest()
        super().tearDown()

    def test_an_existing_database_keeps_its_rows_and_permissions(self):
        paper = build_newspaper(articles_per_section=1)
        article = create_article(paper["world"], "خبر عاجل", slug="urgent")
        until = timezone.now() + timedelta(hours=2)
        try:
            old = migrate(BEFORE)
            # Migrating back gave the content types their old app again.
            ContentType.objects.clear_cache()
            old_type, _created = ContentType.objects.get_or_create(
                app_label="theme", model="breaking"
            )
            assert not ContentType.objects.filter(
                app_label="articles", model="breaking"
            )
            # Moved back with its content type, as an old database holds it.
            permission, _created = Permission.objects.get_or_create(
                content_type=old_type,
                codename="change_breaking",
                defaults={"name": "Can change breaking news"},
            )
            editors = Group.objects.create(name="محررون")
            editors.permissions.add(permission)
            old.get_model("theme", "Breaking").objects.create(
                page_id=article.pk, until=until
            )
            old.get_model("theme", "DailyViews").objects.create(
                page_id=article.pk, day=date(2026, 12, 1), views=7
            )
        finally:
            migrate(AFTER)
        ContentType.objects.clear_cache()
        self.assertEqual(Breaking.objects.get().page_id, article.pk)
        self.assertEqual(Breaking.objects.get().until, until)
        self.assertEqual(DailyViews.objects.get(page_id=article.pk).views, 7)
        moved = Permission.objects.get(pk=permission.pk)
        self.assertEqual(moved.content_type.app_label, "articles")
        self.assertTrue(editors.permissions.filter(pk=permission.pk).exists())

    def test_the_tables_keep_their_names(self):
        self.assertEqual(Breaking._meta.db_table, "theme_breaking")
        self.assertEqual(DailyViews._meta.db_table, "theme_dailyviews")
        self.assertIn("theme_breaking", connection.introspection.table_names())
