"""The chief editor keeps "everything": the prayer-times settings too (#14, #18)."""

from django.db import migrations

from nashra.core.grants import grant_to_chief_editor

grant, revoke = grant_to_chief_editor(("prayer",))


class Migration(migrations.Migration):
    dependencies = [
        ("prayer", "0001_prayer_times_settings"),
        ("newsroom", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
