"""Breaking news for the ticker and the home page block (#4)."""

from django.utils import timezone


def current_breaking(site, limit, now=None, within=None):
    """Published articles of ``site`` (or of the queryset ``within``) marked
    breaking and not yet expired, newest first, in one query."""
    from nashra.articles.models import ArticlePage

    articles = within if within is not None else ArticlePage.objects.published()
    articles = articles.filter(breaking__until__gt=now or timezone.now())
    if site is not None:
        articles = articles.descendant_of(site.root_page)
    return list(articles.select_related("section").newest_first()[:limit])
