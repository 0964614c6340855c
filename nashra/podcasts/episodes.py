"""The published episodes of a show, with their bylines, in two queries (#20)."""

from nashra.articles.models import ArticlePage, ArticlePageAuthor
from nashra.podcasts.models import Episode

LATEST = 100  # what the show page and the feed list


def published(podcast, limit=LATEST):
    """The show's episodes whose story readers may see, newest first; each
    story's ``byline_authors`` is filled, so no template asks per episode."""
    found = list(
        Episode.objects.filter(
            podcast=podcast, article__in=ArticlePage.objects.published().values("pk")
        )
        .select_related("article", "article__audio_file", "article__section")
        .defer("article__body")
        .order_by("-article__published_at", "-pk")[:limit]
    )
    for episode in found:
        episode.podcast = podcast  # the feed reads the show's language per item
    stories = {episode.article_id: episode.article for episode in found}
    bylines = {pk: [] for pk in stories}
    links = ArticlePageAuthor.objects.filter(page_id__in=stories).select_related(
        "author"
    )
    for link in links.order_by("sort_order", "pk"):
        bylines[link.page_id].append(link.author)
    for pk, story in stories.items():
        story.__dict__["byline_authors"] = bylines[pk]
    return found
