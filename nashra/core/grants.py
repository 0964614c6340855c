"""The chief editor keeps "everything" as apps add models (#14).

The roles migration gave the chief editor every permission that existed
then. An app that adds models later grants its permissions in a migration
of its own with ``grant_to_chief_editor(labels)``, to the chief editor's
group if the roles migration made or adopted one.
"""

from django.contrib.auth.management import create_permissions


def _permissions(apps, labels, models=None):
    # On a fresh database Django makes permissions only after every migration.
    for label in labels:
        config = apps.get_app_config(label)
        models_module = getattr(config, "models_module", None)
        config.models_module = models_module or True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = models_module
    return _filtered(apps, labels, models)


def _filtered(apps, labels, models):
    Permission = apps.get_model("auth", "Permission")
    found = Permission.objects.filter(content_type__app_label__in=labels)
    if models is not None:
        found = found.filter(content_type__model__in=models)
    return found


def _chief_editor(apps):
    Role = apps.get_model("newsroom", "Role")
    return Role.objects.filter(key="chief-editor", section__isnull=True).first()


def grant_to_chief_editor(labels, models=None):
    """(forwards, backwards) functions for a RunPython operation.

    ``models`` (lower-case model names) narrows the grant to the models an
    older app added later, so that going backwards takes away only those.
    """
    labels = tuple(labels)
    models = None if models is None else tuple(models)

    def grant(apps, schema_editor):
        permissions = _permissions(apps, labels, models)
        role = _chief_editor(apps)
        if role is not None:
            role.group.permissions.add(*permissions)

    def revoke(apps, schema_editor):
        role = _chief_editor(apps)
        if role is not None:
            role.group.permissions.remove(*_filtered(apps, labels, models))

    return grant, revoke
