"""What invalidates what (#8): pages, comments, options, snippets, redirects.

Pages and models say their own groups (nashra.core.groups, #13); this
module only hears the signals and bumps what they declare.
"""

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from nashra.comments.counts import comments_changed
from nashra.comments.models import Comment
from nashra.core import groups
from nashra.core.invalidate import bump, groups_bumped, purge_site
from nashra.pagecache import frontend, published, purge
from nashra.sections.models import SectionPage

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
# Framework models whose rows change what any URL answers; Nashra's own
# models say it themselves with ``cache_site_wide = True`` (#13).
SITE_WIDE_FRAMEWORK_MODELS = {"wagtailredirects.redirect"}


def _declares(model):
    """Whether a page type says its own cache groups (nashra.core.groups)."""
    return hasattr(model, "cache_groups_of")


def page_groups(instance):
    """The groups an edit of this page busts, as its type declares them;
    pages that do not declare any (Wagtail's root) are the whole site."""
    kind = instance.specific_class
    if kind is None or not _declares(kind):
        return {groups.SITE}
    return kind.cache_groups_of([instance.pk])


def on_page_change(sender, instance, **kwargs):
    bump(page_groups(instance))


def on_page_moved(sender, instance, **kwargs):
    found = page_groups(instance)
    parents = [kwargs.get("parent_page_before"), kwargs.get("parent_page_after")]
    parents = [parent for parent in parents if parent is not None]
    for parent in parents:
        found.add(groups.section(parent.pk))
    # The listing of a section shows its sub-sections' articles: the old and
    # the new parent's ancestors lose or gain the page too (#20).
    found.update(groups.section(pk) for pk in sections_above(parents))
    bump(found)


def sections_above(pages):
    """Ids of the sections above ``pages`` (by tree path, one query)."""
    step = Page.steplen
    prefixes = {
        page.path[:end] for page in pages for end in range(step, len(page.path), step)
    }
    if not prefixes:
        return []
    return list(
        SectionPage.objects.filter(path__in=prefixes).values_list("pk", flat=True)
    )


def before_page_save(sender, instance, update_fields=None, **kwargs):
    """The groups of the version readers see now: an edit may drop a tag, an
    author or a section that must forget the article."""
    if not isinstance(instance, Page) or instance.pk is None:
        return
    if update_fields is not None and set(update_fields) <= DRAFT_FIELDS:
        return
    kind = type(instance)
    # A site-wide page's publish bumps "site", which covers the old version.
    if not _declares(kind) or kind.cache_site_wide:
        return
    if Page.objects.filter(pk=instance.pk, live=True).exists():
        bump(kind.cache_groups_of([instance.pk]))


_deleting = {}


def before_page_delete(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.pk is not None:
        kind = type(instance)
        if _declares(kind):
            _deleting[instance.pk] = kind.cache_groups_of([instance.pk])
        else:
            _deleting[instance.pk] = page_groups(instance)


def after_page_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        bump(_deleting.pop(instance.pk, {groups.page(instance.pk)}))


def on_comment_saved(sender, instance, **kwargs):
    bump({groups.page(instance.article_id)})


def on_comments_changed(sender, article_id, **kwargs):
    # The commented page's type says which groups show its count (#13).
    article_type = Comment._meta.get_field("article").related_model
    bump(article_type.cache_groups_of([article_id]))


def on_model_saved(sender, instance, **kwargs):
    from wagtail.contrib.settings.models import BaseSiteSetting

    if isinstance(instance, BaseSiteSetting):
        # Reading settings the first time creates the default row: no change.
        if not kwargs.get("created"):
            purge_site()
    elif isinstance(instance, PageViewRestriction | Site):
        purge_site()
    elif isinstance(instance, Page):
        return  # pages are the page signals' above
    elif getattr(sender, "cache_site_wide", False):
        purge_site()
    elif sender._meta.label_lower in SITE_WIDE_FRAMEWORK_MODELS:
        purge_site()


def on_groups_bumped(sender, groups, **kwargs):
    published.remove(groups)


def connect():
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
    groups_bumped.connect(on_groups_bumped, dispatch_uid=uid + "published-files")
    groups_bumped.connect(purge.on_groups_bumped, dispatch_uid=uid + "http-cache-bans")
    groups_bumped.connect(frontend.on_groups_bumped, dispatch_uid=uid + "cdn-purges")
