"""The chief editor keeps "everything": live pages, entries, tokens (#14, #15)."""

from django.db import migrations

from nashra.core.grants import grant_to_chief_editor

grant, revoke = grant_to_chief_editor(("live",))


class Migration(migrations.Migration):
    dependencies = [
        ("live", "0001_live_pages_entries_tokens"),
        ("newsroom", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
