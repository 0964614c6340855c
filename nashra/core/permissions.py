"""Permission names in the site's language, as the group editor shows them (#12).

Django stores each permission's name in the database, built in English
("Can add author") from the model's untranslated verbose name, and Wagtail
prints it raw: on the group form and in every page-permission checkbox
(«النواة الأساسية لـ Wagtail | الصفحة | Unlock any page»). After each
migrate, names still equal to a default (in English or in any of the site's
languages) are rewritten in LANGUAGE_CODE; a name someone chose is kept.
"""

from django.apps import apps as global_apps
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

BUILT_IN = {
    "add": _("Can add %(name)s"),
    "change": _("Can change %(name)s"),
    "delete": _("Can delete %(name)s"),
    "view": _("Can view %(name)s"),
}


def default_names(model):
    """Each default permission name of `model` in English → in the active language."""
    opts = model._meta
    with translation.override(None):
        english = [
            f"Can {action} {opts.verbose_name_raw}"
            for action in opts.default_permissions
        ]
        declared = [str(name) for _codename, name in opts.permissions]
    names = {}
    for action, name in zip(opts.default_permissions, english, strict=True):
        label = BUILT_IN.get(action)
        names[name] = str(label % {"name": opts.verbose_name}) if label else name
    for name in declared:
        names[name] = gettext(name)
    return names


def renames(model):
    """Every known default name of `model`'s permissions → the name in LANGUAGE_CODE."""
    with translation.override(settings.LANGUAGE_CODE):
        wanted = default_names(model)
    known = dict(zip(wanted, wanted, strict=True))
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            known.update(zip(default_names(model).values(), wanted, strict=True))
    return {name: wanted[english] for name, english in known.items()}


def translate_permission_names(
    sender, using=DEFAULT_DB_ALIAS, apps=global_apps, **kwargs
):
    """post_migrate: rename `sender`'s default permissions into LANGUAGE_CODE."""
    # auth's own receiver, which creates missing permissions, is connected
    # after this one (auth comes later in INSTALLED_APPS): run it first.
    create_permissions(sender, verbosity=0, using=using, apps=apps)
    changed = []
    for model in sender.get_models():
        names = renames(model)
        content_type = ContentType.objects.db_manager(using).get_for_model(
            model, for_concrete_model=False
        )
        for permission in Permission.objects.using(using).filter(
            content_type=content_type
        ):
            new = names.get(permission.name)
            if new and new != permission.name:
                permission.name = new
                changed.append(permission)
    Permission.objects.using(using).bulk_update(changed, ["name"])
