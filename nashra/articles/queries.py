from django.db.models import Prefetch, prefetch_related_objects
from wagtail.images import get_image_model
from wagtail.query import PageQuerySet

from nashra.core.privacy import exclude_private, private_paths
from nashra.images import renditions


def images_with(specs):
    """Featured images with the renditions a template will ask for, in one query."""
    return get_image_model().objects.prefetch_renditions(*specs)


class ArticleQuerySet(PageQuerySet):
    def published(self):
        """Live, public articles: what readers, feeds and search may see."""
        return exclude_private(self.live()).filter(published_at__isnull=False)

    def newest_first(self):
        return self.order_by("-published_at", "-pk")

    def for_cards(self, specs=renditions.CARD):
        """What an article card shows, fetched without a query per card."""
        return self.select_related("section").prefetch_related(
            Prefetch("featured_image", queryset=images_with(specs))
        )


def prefetch_cards(articles, specs=renditions.CARD):
    """for_cards() for articles already fetched (a list); returns the list."""
    prefetch_related_objects(
        articles, Prefetch("featured_image", queryset=images_with(specs))
    )
    attach_columnists(articles)
    return articles


def attach_columnists(articles):
    """Each opinion piece's columnist (its first byline name) for its card,
    in one query for the whole listing, and none when it has no opinion
    piece or every one already has its columnist (#20)."""
    # The models import this module (ArticleQuerySet): not at the top.
    from nashra.articles.models import ArticlePageAuthor, StoryFormat

    wanted = {}
    for article in articles:
        if article.format != StoryFormat.OPINION or "_columnist" in vars(article):
            continue
        if "byline_authors" in vars(article):  # read already (bylines.py)
            article._columnist = next(iter(article.byline_authors), None)
            continue
        wanted.setdefault(article.pk, []).append(article)
    if not wanted:
        return
    links = ArticlePageAuthor.objects.filter(page_id__in=list(wanted))
    first = {}
    for link in links.select_related("author").order_by("page_id", "sort_order", "pk"):
        first.setdefault(link.page_id, link.author)
    for pk, found in wanted.items():
        for article in found:
            article._columnist = first.get(pk)


def live_tag_links(**filters):
    """Tag links of published, public articles: the same rows as published()
    (a link is dated exactly while its article is live, see ArticleTag)."""
    from nashra.articles.models import ArticleTag

    links = ArticleTag.objects.filter(published_at__isnull=False, **filters)
    for path in private_paths():
        links = links.exclude(content_object__path__startswith=path)
    return links
