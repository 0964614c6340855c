"""Whether an article takes comments, and its published comments as threads (#3)."""

from datetime import timedelta

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from wagtail.models import Site

from nashra.comments.models import Comment, CommentOptions, CommentThread, Status
from nashra.core import fragments, groups, invalidate
from nashra.core.pagination import paginate

OPTIONS_TIMEOUT = 24 * 60 * 60


def options_for(request=None, site=None):
    """The site's CommentOptions, kept in the cache until an editor saves
    them: every article page reads them, and reading cost a query (#8).

    Kept under the version of the ``site`` group, which a save bumps, not
    under a key a save deletes: without Redis each worker has its own cache,
    and a deletion reached one of them, so the other workers went on
    ignoring a new block-list word until a restart (#17)."""
    if request is not None:
        found = getattr(request, "_nashra_comment_options", None)
        if found is None:
            found = options_for(site=Site.find_for_request(request))
            request._nashra_comment_options = found
        return found
    if site is None:
        return CommentOptions()
    return fragments.cached(
        f"comment-options:{site.pk}",
        {groups.SITE},
        lambda: CommentOptions.for_site(site),
        timeout=OPTIONS_TIMEOUT,
    )


@receiver(post_save, sender=CommentOptions)
@receiver(post_delete, sender=CommentOptions)
def forget_options(sender, instance, **kwargs):
    """Now and after the commit (invalidate.bump): a reader between the two
    would otherwise cache the old options again until the next save. The
    default row a first read creates changes nothing (as in pagecache)."""
    if not kwargs.get("created"):
        invalidate.bump({groups.SITE})


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
