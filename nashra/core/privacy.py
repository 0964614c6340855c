"""Which parts of the page tree are private, asked once and then cached.

Wagtail's `public()` reads every view restriction on each call; listings call
it several times per page. The restricted paths change only when an editor
edits a restriction or moves a restricted page. They are cached under the
page cache's "site" version, which both events bump, so every process of a
deployment sees the change at once, not only the one that made it (#8).
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import post_page_move

from nashra.core import fragments, groups
from nashra.core.invalidate import bump


def _load_private_paths():
    return sorted(PageViewRestriction.objects.values_list("page__path", flat=True))


def private_paths():
    return fragments.cached("private-paths", {groups.SITE}, _load_private_paths)


def exclude_private(queryset):
    """The queryset less every page at or under a restricted page."""
    for path in private_paths():
        queryset = queryset.exclude(path__startswith=path)
    return queryset


class CachedRestrictionsMixin:
    """Page mixin: no view-restriction query while the site has none (#8).

    Wagtail's serve hook asks every page for its restrictions, two queries
    (ancestors and aliases, then restrictions). With no restriction anywhere,
    which the cached private_paths() tells for free, none can apply, aliases
    included; otherwise Wagtail's own answer.
    """

    def get_view_restrictions(self):
        if not private_paths():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


def _forget():
    bump({groups.SITE})


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def forget_private_paths(**kwargs):
    _forget()


@receiver(post_page_move)
def forget_moved_private_paths(instance, **kwargs):
    """A restricted page (or one above restricted pages) has a new path."""
    if PageViewRestriction.objects.filter(
        page__path__startswith=instance.path
    ).exists():
        _forget()
