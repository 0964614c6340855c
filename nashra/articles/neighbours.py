"""The newer and older article of the same section, under an article (#20)."""

from django.db.models import Q
from django.utils import timezone


def neighbours(article):
    """(older, newer) published articles of ``article``'s section by
    publication date (pk breaks ties), either None at an end of the section.

    Two queries of one row each, read from the (section, published_at, pk)
    index; drafts, private pages and articles dated in the future never show.
    """
    if article.section_id is None or article.published_at is None:
        return None, None
    from nashra.articles.models import ArticlePage

    base = (
        ArticlePage.objects.published()
        .filter(section_id=article.section_id, published_at__lte=timezone.now())
        .exclude(pk=article.pk)
        .defer("body")
    )
    at, pk = article.published_at, article.pk
    older = (
        base.filter(Q(published_at__lt=at) | Q(published_at=at, pk__lt=pk))
        .order_by("-published_at", "-pk")
        .first()
    )
    newer = (
        base.filter(Q(published_at__gt=at) | Q(published_at=at, pk__gt=pk))
        .order_by("published_at", "pk")
        .first()
    )
    return older, newer
