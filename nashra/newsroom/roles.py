"""The newsroom's roles as the database has them now (#14).

What `nashra roles` prints and `nashra adduser` grants: read from the groups,
so an edit in the admin shows at once.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
)

from nashra.newsroom.models import Role, RoleKey

ORDER = {key: n for n, key in enumerate(RoleKey.values)}


def roles():
    """Every role, site-wide ones first in the issue's order, then sections."""
    found = Role.objects.select_related("group", "section")
    return sorted(
        found, key=lambda r: (r.section_id is not None, ORDER[r.key], r.section_id)
    )


def describe(role):
    """A role's grants: {"pages": [(page title, actions)], "collections": …}."""
    group = role.group
    pages = {}
    for grant in GroupPagePermission.objects.filter(group=group).select_related(
        "page", "permission"
    ):
        action = grant.permission.codename.removesuffix("_page")
        pages.setdefault(grant.page.title, []).append(action)
    collections = {}
    for grant in GroupCollectionPermission.objects.filter(group=group).select_related(
        "collection", "permission"
    ):
        collections.setdefault(grant.collection.name, []).append(
            grant.permission.codename
        )
    models = sorted(
        f"{app}.{codename}"
        for app, codename in group.permissions.values_list(
            "content_type__app_label", "codename"
        )
    )
    return {
        "key": role.key,
        "name": group.name,
        "section": role.section.title if role.section else None,
        "members": group.user_set.count(),
        "pages": sorted((title, sorted(a)) for title, a in pages.items()),
        "collections": sorted((name, sorted(c)) for name, c in collections.items()),
        "models": models,
        "all_models": len(models) == Permission.objects.count(),
        "approves": GroupApprovalTask.objects.filter(groups=group).exists(),
    }


def site_role(key):
    return Role.objects.select_related("group").filter(key=key, section=None).first()


@transaction.atomic
def section_editor(section):
    """The editor role scoped to `section`, made from the site-wide editor's grants.

    Wagtail's page permissions belong to groups, so each section's editors
    share a group whose page permissions sit on the section; its other
    grants are copied from the site-wide editor role as it stands.
    """
    role = Role.objects.filter(key=RoleKey.EDITOR, section=section).first()
    if role is not None:
        return role
    base = site_role(RoleKey.EDITOR).group
    name = f"{base.name} — {section.title}"
    if Group.objects.filter(name=name).exists():
        name = f"{name} ({section.pk})"
    group = Group.objects.create(name=name)
    group.permissions.set(base.permissions.all())
    page_permissions = Permission.objects.filter(
        pk__in=GroupPagePermission.objects.filter(group=base).values("permission")
    )
    GroupPagePermission.objects.bulk_create(
        GroupPagePermission(group=group, page=section, permission=p)
        for p in page_permissions
    )
    GroupCollectionPermission.objects.bulk_create(
        GroupCollectionPermission(
            group=group, collection=g.collection, permission=g.permission
        )
        for g in GroupCollectionPermission.objects.filter(group=base)
    )
    # Not added to the approval task: a task's reviewers review every section.
    return Role.objects.create(key=RoleKey.EDITOR, group=group, section=section)
