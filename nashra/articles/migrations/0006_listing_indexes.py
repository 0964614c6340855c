"""Indexes for listings read newest first, without sorting (#8)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_tag_link_published_at"),
    ]

    operations = [
        # (section, published_at DESC) left the tie-breaking pk to a sort;
        # (section, published_at, page_ptr) covers the whole ORDER BY.
        migrations.RemoveIndex(
            model_name="articlepage",
            name="articles_ar_section_1e53fd_idx",
        ),
        migrations.AddIndex(
            model_name="articlepage",
            index=models.Index(
                fields=["section", "published_at", "page_ptr"],
                name="articles_section_newest",
            ),
        ),
        migrations.AddIndex(
            model_name="articlepage",
            index=models.Index(
                fields=["published_at", "page_ptr"], name="articles_newest"
            ),
        ),
        migrations.AddIndex(
            model_name="articlepage",
            index=models.Index(
                fields=["featured", "published_at", "page_ptr"],
                name="articles_lead_newest",
            ),
        ),
    ]
