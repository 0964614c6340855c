"""Who sees a page that is not live: its drafts stay with their people (#14).

A page that is not live (a draft, one in review, one scheduled) is seen in
the admin only by whoever may change it (editors in their sections, the
chief editor), its owner (the writer who made it), and the people it is
shared with. "Shared" means named on it: a page type registers who, and
articles name the staff accounts of their byline authors (a writer adds a
colleague's author profile to the byline to share the draft). A contributor
or author therefore never sees a colleague's unpublished work in the page
explorer, the admin search, the page chooser, the admin API, the site
history, the dashboard or the planning desk, and the page's edit, preview,
history and revision screens refuse them. Live pages are public anyway.
"""

from django.db.models import Q
from wagtail.models import GroupPagePermission
from wagtail.permission_policies.pages import PagePermissionPolicy

# Callables user -> a queryset with a page_id column: the pages shared with
# the user, registered by the apps whose page types name people (articles:
# the byline).
_SHARERS = []


def register(sharer):
    if sharer not in _SHARERS:
        _SHARERS.append(sharer)


def shared_ids(user):
    """A Q on Page for the pages shared with `user`."""
    where = Q(pk__in=[])
    for sharer in _SHARERS:
        where |= Q(pk__in=sharer(user))
    return where


def change_roots(user):
    """Paths under which `user` may change any page."""
    grants = GroupPagePermission.objects.filter(
        group__user=user, permission__codename="change_page"
    )
    return set(grants.values_list("page__path", flat=True))


def visible(user):
    """A Q on Page for what `user` may see in the admin; None for everything."""
    if user.is_superuser:
        return None
    where = Q(live=True) | Q(owner_id=user.pk) | shared_ids(user)
    for path in change_roots(user):
        where |= Q(path__startswith=path)
    return where


def is_shared(page, user):
    """Whether `page` names `user`; the ids are read once per request's user,
    so a listing of many pages asks once, not once a row."""
    if not _SHARERS:
        return False
    ids = getattr(user, "_nashra_shared_ids", None)
    if ids is None:
        ids = set()
        for sharer in _SHARERS:
            ids.update(sharer(user).values_list("page_id", flat=True))
        user._nashra_shared_ids = ids
    return page.pk in ids


def only_visible(pages, user):
    where = visible(user)
    return pages if where is None else pages.filter(where)


class NewsroomPagePolicy(PagePermissionPolicy):
    """Wagtail's page policy, less the drafts a user may not see.

    Wagtail's explorer, admin search, admin API and site history all list
    pages through ``explorable_instances``.
    """

    def explorable_instances(self, user):
        return only_visible(super().explorable_instances(user), user)
