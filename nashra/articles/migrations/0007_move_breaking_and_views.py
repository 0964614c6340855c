"""Breaking news and daily views move here from the theme app (#13).

The tables keep their names (``db_table``), so no row moves: the state is
taken over from theme/0004, and the content types are renamed, so the
permissions editors hold on them and their admin history stay theirs.
"""

import django.db.models.deletion
from django.db import migrations, models

MOVED = ("breaking", "dailyviews")


def rename_content_types(apps, schema_editor, old="theme", new="articles"):
    content_type = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if content_type.objects.filter(app_label=new, model=model).exists():
            continue
        content_type.objects.filter(app_label=old, model=model).update(app_label=new)


def rename_back(apps, schema_editor):
    rename_content_types(apps, schema_editor, old="articles", new="theme")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0006_listing_indexes"),
        ("theme", "0004_move_breaking_and_views"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Breaking",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "until",
                            models.DateTimeField(
                                help_text="The article leaves the ticker at this time.",
                                verbose_name="breaking until",
                            ),
                        ),
                        (
                            "page",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="breaking",
                                to="articles.articlepage",
                                verbose_name="article",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "breaking news",
                        "verbose_name_plural": "breaking news",
                        "db_table": "theme_breaking",
                        "ordering": ["-until"],
                    },
                ),
                migrations.CreateModel(
                    name="DailyViews",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("day", models.DateField()),
                        ("views", models.PositiveIntegerField(default=0)),
                        (
                            "page",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="articles.articlepage",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "daily views",
                        "verbose_name_plural": "daily views",
                        "db_table": "theme_dailyviews",
                        "indexes": [
                            models.Index(
                                fields=["day", "page"],
                                name="theme_daily_day_570929_idx",
                            )
                        ],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("page", "day"), name="theme_views_page_day"
                            )
                        ],
                    },
                ),
            ],
        ),
        migrations.RunPython(rename_content_types, rename_back),
    ]
