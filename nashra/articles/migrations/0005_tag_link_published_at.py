from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_dates(apps, schema_editor):
    """Every existing tag link gets its article's live publication date."""
    ArticlePage = apps.get_model("articles", "ArticlePage")
    ArticleTag = apps.get_model("articles", "ArticleTag")
    live_date = ArticlePage.objects.filter(
        pk=OuterRef("content_object_id"), live=True
    ).values("published_at")[:1]
    ArticleTag.objects.update(published_at=Subquery(live_date))


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_author_slug_optional"),
    ]

    operations = [
        migrations.AddField(
            model_name="articletag",
            name="published_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.AddIndex(
            model_name="articletag",
            index=models.Index(
                fields=["tag", "-published_at", "-content_object"],
                name="articles_tag_newest",
            ),
        ),
        migrations.RunPython(copy_dates, migrations.RunPython.noop),
    ]
