"""The chief editor keeps "everything" as apps add models (#14).

The roles migration gave the chief editor every permission that existed
then. An app that adds models later grants its permissions in a migration
of its own with ``grant_to_chief_editor(labels)``, to the chief editor's
group if the roles migration made or adopted one.
"""

from django.contrib.auth.management import create_permissions


def _permissions(apps, labels):
    # On a fresh database Django makes permissions only after every migration.
    for label in labels:
        config = apps.get_app_config(label)
        models_module = getattr(config, "models_module", None)
        config.models_module = models_module or True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = models_module
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label__in=labels)


def _chief_editor(apps):
    Role = apps.get_model("newsroom", "Role")
    return Role.objects.filter(key="chief-editor", section__isnull=True).first()


def grant_to_chief_editor(labels):
    """(forwards, backwards) functions for a RunPython operation."""
    labels = tuple(labels)

    def grant(apps, schema_editor):
        permissions = _permissions(apps, labels)
        role = _chief_editor(apps)
        if role is not None:
            role.group.permissions.add(*permissions)

    def revoke(apps, schema_editor):
        Permission = apps.get_model("auth", "Permission")
        role = _chief_editor(apps)
        if role is not None:
            role.group.permissions.remove(
                *Permission.objects.filter(content_type__app_label__in=labels)
            )

    return grant, revoke
