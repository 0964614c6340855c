"""The chief editor sees the background job list (#14).

The roles migration gave the chief editor every permission that existed
then; the job list's permission came later, so it is granted here, to the
chief editor's group if the roles migration made or adopted one.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSION = ("django_tasks_database", "view_dbtaskresult")


def grant(apps, schema_editor):
    # On a fresh database Django makes permissions only after every migration.
    config = apps.get_app_config(PERMISSION[0])
    models_module = getattr(config, "models_module", None)
    config.models_module = models_module or True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = models_module
    Role = apps.get_model("newsroom", "Role")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.filter(
        content_type__app_label=PERMISSION[0], codename=PERMISSION[1]
    ).first()
    role = Role.objects.filter(key="chief-editor", section__isnull=True).first()
    if role is not None and permission is not None:
        role.group.permissions.add(permission)


def revoke(apps, schema_editor):
    Role = apps.get_model("newsroom", "Role")
    Permission = apps.get_model("auth", "Permission")
    role = Role.objects.filter(key="chief-editor", section__isnull=True).first()
    permission = Permission.objects.filter(
        content_type__app_label=PERMISSION[0], codename=PERMISSION[1]
    ).first()
    if role is not None and permission is not None:
        role.group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("queue", "0001_task_workers"),
        ("newsroom", "0002_roles"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
