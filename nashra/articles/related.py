"""Related articles under an article's body (#4)."""

from django.db.models import Q

RELATED_COUNT = 4


def related(article, tag_ids=None, limit=RELATED_COUNT):
    """Published articles sharing a tag or the section with ``article``, newest
    first, never the article itself; one query plus one for the images.

    Pass ``tag_ids`` when the caller already has the tags, to save a query.
    """
    from nashra.articles.models import ArticlePage

    if tag_ids is None:
        tag_ids = list(article.tags.values_list("pk", flat=True))
    # The newest few of each kind, not every candidate: a DISTINCT over a whole
    # section and its tags cost 0.8 s at 100,000 articles on SQLite (#8). An
    # article matches at most len(tag_ids) tag rows, so limit × that many rows
    # still hold the newest `limit` distinct articles.
    newest = (
        ArticlePage.objects.published()
        .exclude(pk=article.pk)
        .newest_first()
        .values("pk")
    )
    shared = Q(pk__in=[])
    if tag_ids:
        by_tag = newest.filter(tagged_items__tag_id__in=tag_ids)
        shared |= Q(pk__in=by_tag[: limit * len(tag_ids)])
    if article.section_id:
        shared |= Q(pk__in=newest.filter(section_id=article.section_id)[:limit])
    return list(ArticlePage.objects.filter(shared).for_cards().newest_first()[:limit])
