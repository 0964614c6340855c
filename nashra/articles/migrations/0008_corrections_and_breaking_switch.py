"""Corrections and update notes on articles, and the breaking switch (#14).

The breaking flag moves onto the article (revisioned, published with it);
the Breaking table stays as the ticker's index, so every current row's end
is copied onto its article here.
"""

import django.db.models.deletion
import django.utils.timezone
import modelcluster.fields
from django.db import migrations, models


def copy_breaking_onto_articles(apps, schema_editor):
    Breaking = apps.get_model("articles", "Breaking")
    ArticlePage = apps.get_model("articles", "ArticlePage")
    for row in Breaking.objects.all():
        ArticlePage.objects.filter(pk=row.page_id).update(breaking_until=row.until)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_move_breaking_and_views"),
    ]

    operations = [
        migrations.AddField(
            model_name="articlepage",
            name="breaking_until",
            field=models.DateTimeField(
                blank=True,
                help_text="Set a time to put the article in the breaking-news ticker until then; leave empty when it is not breaking news.",
                null=True,
                verbose_name="breaking news until",
            ),
        ),
        migrations.AddField(
            model_name="articlepage",
            name="updated_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="updated"
            ),
        ),
        migrations.CreateModel(
            name="Correction",
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
                    "sort_order",
                    models.IntegerField(blank=True, editable=False, null=True),
                ),
                (
                    "kind",
                    models.CharField(
                        choices=[("correction", "Correction"), ("update", "Update")],
                        default="correction",
                        max_length=12,
                        verbose_name="kind",
                    ),
                ),
                (
                    "text",
                    models.TextField(
                        help_text="What was wrong and what is right now, or what is new.",
                        max_length=1000,
                        verbose_name="text",
                    ),
                ),
                (
                    "at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="time"
                    ),
                ),
                (
                    "page",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="corrections",
                        to="articles.articlepage",
                    ),
                ),
            ],
            options={
                "verbose_name": "correction or update",
                "verbose_name_plural": "corrections and updates",
                "ordering": ["sort_order"],
                "abstract": False,
                "indexes": [
                    models.Index(
                        fields=["kind", "-at", "-id"],
                        name="articles_corrections_newest",
                    )
                ],
            },
        ),
        migrations.RunPython(copy_breaking_onto_articles, migrations.RunPython.noop),
    ]
