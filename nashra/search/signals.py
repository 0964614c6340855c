"""Index changes as editors make them: publish, unpublish, edit, move,
delete and privacy (#5). Deletion needs no handler: SearchEntry rows go
with their page through the foreign key's CASCADE."""

from contextlib import contextmanager

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from nashra.articles.models import ArticlePage
from nashra.core.privacy import forget_private_paths
from nashra.search import indexing


def _is_article(instance) -> bool:
    return issubclass(instance.specific_class or Page, ArticlePage)


def on_published(sender, instance, **kwargs):
    if _is_article(instance):
        indexing.index_pages([instance.pk])


def on_unpublished(sender, instance, **kwargs):
    indexing.remove_pages([instance.pk])


def on_article_saved(sender, instance, raw=False, **kwargs):
    """Importers and scripts may save live articles without publishing."""
    if not raw:
        indexing.index_pages([instance.pk])


def on_moved(sender, instance, **kwargs):
    """A move changes the section, and may take pages into a private area."""
    path = Page.objects.filter(pk=instance.pk).values_list("path", flat=True).first()
    if path:
        indexing.index_in_batches(indexing.article_ids_under(path))


def on_restriction_changed(sender, instance, **kwargs):
    # The cached private paths must be forgotten before published() runs.
    forget_private_paths()
    page = Page.objects.filter(pk=instance.page_id).only("path").first()
    if page is not None:
        indexing.index_in_batches(indexing.article_ids_under(page.path))


UID = "nashra-search-"


def _connect_save():
    post_save.connect(on_article_saved, sender=ArticlePage, dispatch_uid=UID + "save")


@contextmanager
def saves_not_indexed():
    """Saved articles are not indexed one by one in the body (bulk.paused())."""
    off = post_save.disconnect(sender=ArticlePage, dispatch_uid=UID + "save")
    try:
        yield
    finally:
        if off:
            _connect_save()


def connect():
    uid = UID
    page_published.connect(on_published, dispatch_uid=uid + "published")
    page_unpublished.connect(on_unpublished, dispatch_uid=uid + "unpublished")
    _connect_save()
    post_page_move.connect(on_moved, dispatch_uid=uid + "move")
    post_save.connect(
        on_restriction_changed, sender=PageViewRestriction, dispatch_uid=uid + "rs"
    )
    post_delete.connect(
        on_restriction_changed, sender=PageViewRestriction, dispatch_uid=uid + "rd"
    )
