"""The story format's lead media on the article page (#20)."""

from django import template

from nashra.articles.formats import story_media as media_of

register = template.Library()


@register.simple_tag(takes_context=True)
def story_media(context, page, authors=None):
    """{% story_media page authors as media %}: see articles/formats.py."""
    byline = authors if authors is not None else context.get("authors") or ()
    return media_of(page, context.get("request"), byline)
