"""Breaking news and daily views now belong to the articles app (#13).

State only: the tables stay where they are, under their old names, and
articles/0007 takes them over (its models keep ``db_table``).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("theme", "0003_site_description"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(model_name="dailyviews", name="page"),
                migrations.DeleteModel(name="Breaking"),
                migrations.DeleteModel(name="DailyViews"),
            ],
        ),
    ]
