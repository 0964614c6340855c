"""The chief editor keeps "everything": the job list and the queue's models (#14).

The roles migration gave the chief editor every permission that existed
then; the background jobs' permissions (django-tasks-db's job rows, which
the job list asks for, and the heartbeat rows) are granted here, to the
chief editor's group if the roles migration made or adopted one.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

APPS = ("django_tasks_database", "queue")


def _permissions(apps):
    # On a fresh database Django makes permissions only after every migration.
    for label in APPS:
        config = apps.get_app_config(label)
        models_module = getattr(config, "models_module", None)
        config.models_module = models_module or True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = models_module
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label__in=APPS)


def _chief_editor(apps):
    Role = apps.get_model("newsroom", "Role")
    return Role.objects.filter(key="chief-editor", section__isnull=True).first()


def grant(apps, schema_editor):
    permissions = _permissions(apps)
    role = _chief_editor(apps)
    if role is not None:
        role.group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    role = _chief_editor(apps)
    if role is not None:
        role.group.permissions.remove(
            *Permission.objects.filter(content_type__app_label__in=APPS)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("queue", "0001_task_workers"),
        ("newsroom", "0002_roles"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
