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
    shared = Q(tagged_items__tag_id__in=tag_ids) if tag_ids else Q(pk__in=[])
    if article.section_id:
        shared |= Q(section_id=article.section_id)
    candidates = (
        ArticlePage.objects.published()
        .filter(shared)
        .exclude(pk=article.pk)
        .values("pk")
        .distinct()
    )
    return list(
        ArticlePage.objects.filter(pk__in=candidates).for_cards().newest_first()[:limit]
    )
