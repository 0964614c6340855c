from django import template
from django.utils.text import Truncator

from nashra.live import stream
from nashra.live.models import LivePage, LiveStatus

register = template.Library()


@register.filter
def signed_by(entry):
    return stream.author_name(entry)


@register.filter
def summary_text(entry):
    return Truncator(stream.entry_text(entry)).chars(120)


@register.filter
def is_live_now(article):
    """Whether a card's article is live coverage running now.

    A listing holds plain articles: the content type, already on the row,
    says which are live pages, so only those cost a query (of their status),
    once per version of the card (nashra.articles.templatetags.cards).
    """
    if isinstance(article, LivePage):
        return article.status == LiveStatus.LIVE
    if article.specific_class is not LivePage:
        return False
    return LivePage.objects.filter(pk=article.pk, status=LiveStatus.LIVE).exists()


@register.filter
def plain_body(entry):
    """The entry as the desk edits it: paragraphs apart by a blank line."""
    return stream.entry_source(entry)


@register.filter
def photo_captions(entry):
    return stream.image_captions(entry)
