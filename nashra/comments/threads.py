"""Whether an article takes comments, and its published comments as threads (#3)."""

from datetime import timedelta

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from wagtail.models import Site

from nashra.comments.models import Comment, CommentOptions, CommentThread, Status
from nashra.core.pagination import paginate


def _options_key(site_id):
    return f"nashra:comment-options:{site_id}"


def options_for(request=None, site=None):
    """The site's CommentOptions, kept in the shared cache until an editor
    saves them: every article page reads them, and reading cost a query (#8)."""
    if request is not None:
        found = getattr(request, "_nashra_comment_options", None)
        if found is None:
            found = options_for(site=Site.find_for_request(request))
            request._nashra_comment_options = found
        return found
    if site is None:
        return CommentOptions()
    key = _options_key(site.pk)
    found = cache.get(key)
    if not isinstance(found, CommentOptions):
        found = CommentOptions.for_site(site)
        cache.set(key, found, timeout=None)
    return found


@receiver(post_save, sender=CommentOptions)
@receiver(post_delete, sender=CommentOptions)
def forget_options(sender, instance, **kwargs):
    """Now and after the commit: a reader between the two would otherwise
    cache the old options again until the next save."""
    key = _options_key(instance.site_id)
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


# Callers that already looked pass the thread they found, None included:
# most articles have no thread row, and asking again cost a query per page (#8).
NOT_LOOKED_UP = object()


def is_open(article, options, thread=NOT_LOOKED_UP):
    """Closed by the newsroom for this article, or by age (close_after_days)."""
    if thread is NOT_LOOKED_UP:
        thread = CommentThread.objects.filter(page_id=article.pk).first()
    if thread is not None and not thread.is_open:
        return False
    days = options.close_after_days
    published = article.published_at or article.first_published_at
    if days and published and published < timezone.now() - timedelta(days=days):
        return False
    return article.live


class Node:
    """A comment with its published replies, for the template."""

    def __init__(self, comment):
        self.comment = comment
        self.children = []


def published_threads(article, request, options):
    """The requested page of top-level comments, each with its reply tree.

    Two queries (three with the page count) however many comments there are.
    """
    order = "-created_at" if options.newest_first else "created_at"
    roots = Comment.objects.filter(
        article=article, status=Status.APPROVED, parent__isnull=True
    ).order_by(order, "pk")
    page = paginate(roots, request, max(options.per_page, 1))
    nodes = {c.pk: Node(c) for c in page.object_list}
    replies = Comment.objects.filter(
        root_id__in=list(nodes), status=Status.APPROVED, parent__isnull=False
    ).order_by("created_at", "pk")
    for reply in replies:
        nodes[reply.pk] = Node(reply)
    for node in list(nodes.values()):
        parent_id = node.comment.parent_id
        # A reply whose parent was unpublished is hidden with it.
        if parent_id is not None and parent_id in nodes:
            nodes[parent_id].children.append(node)
    return page, [nodes[c.pk] for c in page.object_list]
