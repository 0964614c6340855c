from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("core", "0002_arabic_workflow_and_groups")]

    operations = [
        migrations.CreateModel(
            name="Mark",
            fields=[
                (
                    "name",
                    models.CharField(max_length=200, primary_key=True, serialize=False),
                ),
                ("expires_at", models.DateTimeField(db_index=True)),
            ],
        ),
    ]
