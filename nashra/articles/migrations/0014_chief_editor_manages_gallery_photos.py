"""The chief editor keeps "everything": the gallery photos of #20 and #21."""

from django.db import migrations

from nashra.core.grants import grant_to_chief_editor

grant, revoke = grant_to_chief_editor(("articles",), models=("galleryphoto",))


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0013_hidden_parts_imported_views"),
        ("newsroom", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
