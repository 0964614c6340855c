"""Which parts of the page tree are private, asked once and then cached.

Wagtail's `public()` reads every view restriction on each call; listings call
it several times per page. The restricted paths change only when an editor
edits a restriction or moves a page, so they are cached until then.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import post_page_move

CACHE_KEY = "nashra:private-paths"


def private_paths():
    paths = cache.get(CACHE_KEY)
    if paths is None:
        paths = sorted(PageViewRestriction.objects.values_list("page__path", flat=True))
        cache.set(CACHE_KEY, paths, timeout=None)
    return paths


def exclude_private(queryset):
    """The queryset less every page at or under a restricted page."""
    for path in private_paths():
        queryset = queryset.exclude(path__startswith=path)
    return queryset


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(post_page_move)
def forget_private_paths(**kwargs):
    cache.delete(CACHE_KEY)
