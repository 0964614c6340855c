from django import template

from nashra.articles.models import StoryFormat
from nashra.core.display import site_number
from nashra.podcasts.models import Episode
from nashra.text.audio import clock

register = template.Library()


@register.simple_tag(takes_context=True)
def duration(context, seconds):
    """An episode's length as players write it (1:02:05), in the site's digits."""
    return site_number(context.get("request"), clock(seconds))


@register.simple_tag
def episode_of(page):
    """The episode an audio story is, with its show; None for every other
    story, without a query (#20)."""
    if getattr(page, "format", None) != StoryFormat.AUDIO or not page.pk:
        return None
    return Episode.objects.select_related("podcast").filter(article_id=page.pk).first()
