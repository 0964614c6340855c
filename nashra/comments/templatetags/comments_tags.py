"""Comment sections, single comments and counts for reader templates (#3)."""

from django import template
from django.utils.safestring import mark_safe

from nashra.comments import counts
from nashra.comments.forms import CommentForm
from nashra.comments.models import CommentThread
from nashra.comments.privacy import avatar_seed
from nashra.comments.threads import is_open, options_for, published_threads
from nashra.core import fragments, groups
from nashra.core.listings import fetched
from nashra.text.avatars import avatar_svg
from nashra.text.comment_text import render_comment

register = template.Library()


def _thread(request, article):
    """The article's thread row (open or closed, approved count), or None.

    From the fragment cache for a reader (#8): every comment saved or
    counted, and opening or closing the thread, bumps the "page:<id>" group;
    bulk imports and `nashra generate`, which write threads directly, purge
    "site".
    """

    def build():
        # False, not None, for "no row": None is a cache miss.
        return CommentThread.objects.filter(page_id=article.pk).first() or False

    if request is None or not article.pk or getattr(request, "is_preview", False):
        return build() or None

    return (
        fragments.cached(
            f"thread:{article.pk}", {groups.SITE, groups.page(article.pk)}, build
        )
        or None
    )


@register.inclusion_tag("comments/section.html", takes_context=True)
def comments_section(context, article):
    """Published threads and the form (or a closed notice); no per-reader data."""
    request = context.get("request")
    options = options_for(request)
    thread = _thread(request, article)
    # Every approval goes through counts.refresh(), so a zero count (or no
    # thread row, as for most articles) means no comment to fetch (#8).
    if thread is not None and thread.approved_count:
        page, nodes = published_threads(article, request, options)
    else:
        page, nodes = None, []
    return {
        "request": request,
        "article": article,
        "page_obj": page,
        "nodes": nodes,
        "count": thread.approved_count if thread else 0,
        "comments_open": is_open(article, options, thread),
        "max_depth": options.max_depth,
        "form": CommentForm(),
    }


# Where a card's template finds its fellow cards: every listing that includes
# articles/components/card.html loops over one of these.
CARD_LISTS = ("articles", "related")


@register.simple_tag(takes_context=True)
def comment_count(context, article):
    """Published comments on an article (cached; at most one query per request).

    The first card of a listing reads the counts of every card in it in one
    cache round trip and keeps them for the request (#8).
    """
    request = context.get("request")
    known = getattr(request, "_nashra_comment_counts", None)
    if known is None:
        known = {}
        if request is not None:
            request._nashra_comment_counts = known
    if article.pk not in known:
        ids = {article.pk}
        for name in CARD_LISTS:
            listed = fetched(context.get(name))
            ids.update(getattr(item, "pk", None) for item in listed)
        ids.discard(None)
        known.update(counts.published_counts(ids - known.keys()))
    return known[article.pk]


@register.simple_tag
def comment_avatar(comment, size=40):
    return mark_safe(avatar_svg(comment.name, avatar_seed(comment.email), size))  # noqa: S308


@register.filter
def comment_html(body):
    return mark_safe(render_comment(body))  # noqa: S308
