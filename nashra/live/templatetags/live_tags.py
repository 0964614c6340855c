from django import template
from django.utils.text import Truncator

from nashra.core import fragments, groups
from nashra.live import stream
from nashra.live.models import LivePage, LiveStatus

register = template.Library()


@register.filter
def signed_by(entry):
    return stream.author_name(entry)


@register.filter
def summary_text(entry):
    return Truncator(stream.entry_text(entry)).chars(120)


def running_ids():
    """Ids of the live pages whose coverage runs: one small query per version
    of the article stream, shared by every card and the ticker."""

    def build():
        running = LivePage.objects.filter(live=True, status=LiveStatus.LIVE)
        return frozenset(running.values_list("pk", flat=True))

    return fragments.cached("live-running", {groups.SITE, groups.FRONT}, build)


@register.filter
def is_live_now(article):
    """Whether a card's or the ticker's article is live coverage running now.

    A listing holds plain articles: the content type, already on the row,
    says which are live pages; their status comes from ``running_ids``, so
    a listing of many live pages costs no query per card (N+1, #15).
    """
    if isinstance(article, LivePage):
        return article.status == LiveStatus.LIVE
    if article.specific_class is not LivePage:
        return False
    return article.pk in running_ids()


@register.filter
def plain_body(entry):
    """The entry as the desk edits it: paragraphs apart by a blank line."""
    return stream.entry_source(entry)


@register.filter
def photo_captions(entry):
    return stream.image_captions(entry)
