"""The chief editor keeps "everything": podcast shows and episodes (#14, #20)."""

from django.db import migrations

from nashra.core.grants import grant_to_chief_editor

grant, revoke = grant_to_chief_editor(("podcasts",))


class Migration(migrations.Migration):
    dependencies = [
        ("podcasts", "0001_shows_and_episodes"),
        ("newsroom", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
