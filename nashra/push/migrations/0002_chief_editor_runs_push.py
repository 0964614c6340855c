"""The chief editor keeps "everything": browser notification subscriptions too (#14, #19)."""

from django.db import migrations

from nashra.core.grants import grant_to_chief_editor

grant, revoke = grant_to_chief_editor(("push",))


class Migration(migrations.Migration):
    dependencies = [
        ("push", "0001_subscriptions_alerts"),
        ("newsroom", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
