"""A user taken out of a role is signed out everywhere at once (#14).

Django keeps a signed-in user's session until it expires: without this, a
writer removed from the newsroom keeps the admin open in their browser for
two weeks. Removing a role group from a user (from either side of the
relation, or clearing them) or deleting the group deletes the sessions of
the users concerned, and so does deactivating a user (Django would refuse
the session anyway; this also removes it). Sessions are found by reading the stored ones, which
is a staff-sized table: readers never sign in.
"""

from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save
from django.utils import timezone

from nashra.newsroom.models import Role


def end_sessions(user_ids):
    """Delete every stored session of the users with these ids; how many went."""
    wanted = {str(pk) for pk in user_ids}
    if not wanted:
        return 0
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    if not hasattr(store_class, "get_model_class"):
        return 0  # cache-only sessions cannot be listed; Nashra stores them in the db
    model = store_class.get_model_class()
    ended = 0
    for session in model.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) in wanted:
            # Through the store: a cached_db session leaves the cache too.
            store_class(session.session_key).delete()
            ended += 1
    return ended


def _role_group_ids(pks):
    return set(Role.objects.filter(group_id__in=pks).values_list("group_id", flat=True))


def groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action == "pre_clear":
        # Which groups go is known only before the clear.
        if reverse:
            if _role_group_ids([instance.pk]):
                instance._nashra_leaving = list(
                    instance.user_set.values_list("pk", flat=True)
                )
        elif _role_group_ids(instance.groups.values_list("pk", flat=True)):
            instance._nashra_leaving = [instance.pk]
        return
    if action == "post_clear":
        end_sessions(getattr(instance, "_nashra_leaving", ()))
        instance._nashra_leaving = []
        return
    if action != "post_remove" or not pk_set:
        return
    if reverse:  # group.user_set.remove(users…)
        if _role_group_ids([instance.pk]):
            end_sessions(pk_set)
    elif _role_group_ids(pk_set):  # user.groups.remove(groups…)
        end_sessions([instance.pk])


def group_deleted(sender, instance, **kwargs):
    if _role_group_ids([instance.pk]):
        end_sessions(instance.user_set.values_list("pk", flat=True))


def user_saving(sender, instance, **kwargs):
    # Only a save that turns is_active off costs a query.
    if instance.pk is None or instance.is_active:
        return
    if sender.objects.filter(pk=instance.pk, is_active=True).exists():
        instance._nashra_deactivated = True


def user_saved(sender, instance, **kwargs):
    if getattr(instance, "_nashra_deactivated", False):
        instance._nashra_deactivated = False
        end_sessions([instance.pk])


def connect():
    user_model = get_user_model()
    pre_save.connect(user_saving, sender=user_model, dispatch_uid="nashra-deactivate")
    post_save.connect(user_saved, sender=user_model, dispatch_uid="nashra-deactivated")
    through = user_model.groups.through
    m2m_changed.connect(
        groups_changed, sender=through, dispatch_uid="nashra-role-sessions"
    )
    pre_delete.connect(
        group_deleted, sender=Group, dispatch_uid="nashra-role-group-deleted"
    )
