"""The chief editor keeps "everything": the sidebar and footer widgets (#14, #20)."""

from django.db import migrations

from nashra.core.grants import grant_to_chief_editor

grant, revoke = grant_to_chief_editor(("widgets",), models=["widgetareas"])


class Migration(migrations.Migration):
    dependencies = [
        ("widgets", "0001_widget_areas"),
        ("newsroom", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
