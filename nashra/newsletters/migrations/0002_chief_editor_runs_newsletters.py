"""The chief editor keeps "everything": newsletter lists, editions and subscribers (#14, #19)."""

from django.db import migrations

from nashra.core.grants import grant_to_chief_editor

grant, revoke = grant_to_chief_editor(("newsletters",))


class Migration(migrations.Migration):
    dependencies = [
        ("newsletters", "0001_lists_editions_ledger"),
        ("newsroom", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
