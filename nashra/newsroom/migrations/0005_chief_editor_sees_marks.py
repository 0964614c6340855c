"""The chief editor keeps "everything": the shared marks of core (#14, #17)
(comment tokens, flood windows, the scheduler lock as rows)."""

from django.db import migrations

from nashra.core.grants import grant_to_chief_editor

grant, revoke = grant_to_chief_editor(("core",))


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0004_editor_review_workflow"),
        ("core", "0003_mark"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
