"""An index on Wagtail's page url_path, for routing in one query (#8).

Wagtail's table has none: it routes one tree level at a time. PostgreSQL
gets a hash index (equality is all routing asks, and a long Arabic url_path
can outgrow a btree entry); SQLite a plain one.
"""

from django.db import migrations

NAME = "nashra_page_url_path"


def create(apps, schema_editor):
    method = "USING hash " if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(
        f'CREATE INDEX IF NOT EXISTS {NAME} ON "wagtailcore_page" {method}("url_path")'
    )


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(create, drop)]
