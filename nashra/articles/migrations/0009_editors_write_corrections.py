"""Editors and the chief editor may add corrections and update notes (#14).

The roles migration granted model permissions as they stood then, so the
new model's rights are added here to every editor role (site-wide and per
section) and to the chief editor. A role whose group is gone is skipped;
reversing takes the rights back.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = ("editor", "chief-editor")
ACTIONS = ("add", "change", "delete", "view")


def _permissions(apps):
    articles = apps.get_app_config("articles")
    models_module = getattr(articles, "models_module", None)
    # On a fresh database Django makes permissions only after every migration.
    articles.models_module = models_module or True
    create_permissions(articles, apps=apps, verbosity=0)
    articles.models_module = models_module
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(
        content_type__app_label="articles",
        codename__in=[f"{action}_correction" for action in ACTIONS],
    )


def grant(apps, schema_editor):
    Role = apps.get_model("newsroom", "Role")
    permissions = list(_permissions(apps))
    for role in Role.objects.filter(key__in=ROLES).select_related("group"):
        role.group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Role = apps.get_model("newsroom", "Role")
    permissions = list(_permissions(apps))
    for role in Role.objects.filter(key__in=ROLES).select_related("group"):
        role.group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0008_corrections_and_breaking_switch"),
        ("newsroom", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
