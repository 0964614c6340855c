"""What invalidates what (#8): pages, comments, options, snippets, redirects."""

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from nashra.pagecache import groups
from nashra.pagecache.invalidate import bump, purge_site

# Saves that only touch the draft bookkeeping, never what readers see.
DRAFT_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "has_unpublished_changes",
        "draft_title",
        "locked",
        "locked_at",
        "locked_by",
        "live_revision",
    }
)
# Models shown in the chrome of every page, or changing what any URL answers.
SITE_WIDE_MODELS = {
    "articles.author",
    "articles.tag",
    "images.newsimage",
    "wagtailredirects.redirect",
    "theme.breaking",
}


def _is_article(model):
    from nashra.articles.models import ArticlePage

    return issubclass(model, ArticlePage)


def page_groups(instance):
    """An article's groups; any other page (section, home, standard page)
    can appear in menus and links everywhere, so it is the whole site."""
    if _is_article(instance.specific_class):
        return groups.article_groups([instance.pk])
    return {groups.SITE}


def on_page_change(sender, instance, **kwargs):
    bump(page_groups(instance))


def on_page_moved(sender, instance, **kwargs):
    found = page_groups(instance)
    for parent in (kwargs.get("parent_page_before"), kwargs.get("parent_page_after")):
        if parent is not None:
            found.add(groups.section(parent.pk))
    bump(found)


def before_page_save(sender, instance, update_fields=None, **kwargs):
    """The groups of the version readers see now: an edit may drop a tag, an
    author or a section that must forget the article."""
    if not isinstance(instance, Page) or instance.pk is None:
        return
    if update_fields is not None and set(update_fields) <= DRAFT_FIELDS:
        return
    if not _is_article(type(instance)):
        return
    if Page.objects.filter(pk=instance.pk, live=True).exists():
        bump(groups.article_groups([instance.pk]))


_deleting = {}


def before_page_delete(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.pk is not None:
        if _is_article(type(instance)) or _is_article(instance.specific_class):
            _deleting[instance.pk] = groups.article_groups([instance.pk])
        else:
            _deleting[instance.pk] = {groups.SITE}


def after_page_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        bump(_deleting.pop(instance.pk, {groups.page(instance.pk)}))


def on_comment_saved(sender, instance, **kwargs):
    bump({groups.page(instance.article_id)})


def on_comments_changed(sender, article_id, **kwargs):
    bump(groups.article_groups([article_id]))


def on_model_saved(sender, instance, **kwargs):
    from wagtail.contrib.settings.models import BaseSiteSetting

    if isinstance(instance, BaseSiteSetting):
        # Reading settings the first time creates the default row: no change.
        if not kwargs.get("created"):
            purge_site()
    elif isinstance(instance, PageViewRestriction | Site):
        purge_site()
    elif sender._meta.label_lower in SITE_WIDE_MODELS:
        purge_site()


def connect():
    from nashra.comments.counts import comments_changed
    from nashra.comments.models import Comment

    uid = "nashra-pagecache-"
    page_published.connect(on_page_change, dispatch_uid=uid + "published")
    page_unpublished.connect(on_page_change, dispatch_uid=uid + "unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid=uid + "moved")
    pre_save.connect(before_page_save, dispatch_uid=uid + "pre-save")
    pre_delete.connect(before_page_delete, dispatch_uid=uid + "pre-delete")
    post_delete.connect(after_page_delete, dispatch_uid=uid + "post-delete")
    post_save.connect(on_comment_saved, sender=Comment, dispatch_uid=uid + "comment")
    post_delete.connect(
        on_comment_saved, sender=Comment, dispatch_uid=uid + "comment-delete"
    )
    comments_changed.connect(on_comments_changed, dispatch_uid=uid + "counts")
    post_save.connect(on_model_saved, dispatch_uid=uid + "model-saved")
    post_delete.connect(on_model_saved, dispatch_uid=uid + "model-deleted")
