"""RSS 2.0 and Atom feeds: the whole paper, each section, tag and author.

Each feed is a Django syndication `Feed`; `ArticleFeed` holds everything the
four share, and the subclasses only say which articles and what title. Every
item is fetched with its section, byline, tags and picture in a fixed number
of queries, whatever the number of items (#6).
"""

import copy
import mimetypes

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

from nashra.articles.models import (
    ArticlePage,
    ArticlePageAuthor,
    ArticleTag,
    Author,
    Tag,
)
from nashra.articles.queries import images_with
from nashra.core.privacy import exclude_private
from nashra.feeds import links
from nashra.feeds.absolute import absolutise
from nashra.feeds.generators import NewsAtom, NewsRss
from nashra.sections.models import SectionPage

# One picture size for enclosures and og:image; the article page asks for it
# too (renditions.ARTICLE), so it usually exists already.
FEED_IMAGE = "width-1280|format-jpeg"


def feed_image(image, request):
    """Absolute URL, type, size and byte length of an article's picture."""
    rendition = image.get_rendition(FEED_IMAGE)
    try:
        length = rendition.file.size
    except OSError:  # a file lost from storage still leaves a usable URL
        length = 0
    return {
        "url": links.absolute(request, rendition.url),
        "type": mimetypes.guess_type(rendition.file.name)[0] or "image/jpeg",
        "width": rendition.width,
        "height": rendition.height,
        "fileSize": length,
        "description": image.default_alt_text,
    }


def in_direction(html):
    """Wrap HTML so readers that honour `dir` lay Arabic out right to left."""
    direction = "rtl" if get_language_bidi() else "ltr"
    return f'<div dir="{direction}" lang="{settings.LANGUAGE_CODE}">{html}</div>'


class ArticleFeed(Feed):
    """The newest published articles; subclasses narrow `articles()`."""

    # RSS 2.0 unless a subclass (or `as_atom`) says Atom.
    feed_type = NewsRss
    # Feeds are in the site language, whatever the reader's browser asks for.
    language = settings.LANGUAGE_CODE

    def __call__(self, request, *args, **kwargs):
        # Django keeps one Feed instance per URL; bind a copy to this request
        # so concurrent requests never share state.
        bound = copy.copy(self)
        bound.request = request
        bound.options = links.options(request)
        return Feed.__call__(bound, request, *args, **kwargs)

    def articles(self, obj):
        return ArticlePage.objects.published()

    def items(self, obj):
        articles = self.articles(obj)
        if not self.options.full_text:  # the body is read for full text only
            articles = articles.defer_streamfields()
        items = list(
            articles.select_related("section")
            .prefetch_related(
                Prefetch("featured_image", queryset=images_with([FEED_IMAGE]))
            )
            .newest_first()[: self.options.item_count]
        )
        # Bylines and tags read by article id and grouped here: prefetching
        # through the page's child relations (modelcluster) or taggit built
        # querysets per article, half the cost of an uncached feed (#8).
        ids = [item.pk for item in items]
        self.bylines, self.tag_names = {}, {}
        bylines = ArticlePageAuthor.objects.filter(page_id__in=ids)
        for link in bylines.select_related("author").order_by("sort_order", "pk"):
            self.bylines.setdefault(link.page_id, []).append(link.author)
        tags = ArticleTag.objects.filter(content_object_id__in=ids)
        for link in tags.select_related("tag").order_by("pk"):
            self.tag_names.setdefault(link.content_object_id, []).append(link.tag.name)
        return items

    def link(self, obj):
        return links.absolute(self.request, "/")

    def title(self, obj):
        return links.site_for(self.request).site_name or _("Nashra")

    def description(self, obj):
        return _("The latest news from %(name)s") % {"name": self.title(obj)}

    def subtitle(self, obj):
        # Atom's <subtitle>; RSS takes the same text as <description>.
        return self.description(obj)

    def feed_url(self, obj):
        return links.absolute(self.request, self.request.path)

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return links.page_url(item, self.request)

    def item_guid(self, item):
        # The short link never changes when the slug or section does, so
        # readers never show a renamed article twice.
        return links.absolute(self.request, reverse("feeds:short", args=[item.pk]))

    def item_guid_is_permalink(self, item):
        return True

    def item_description(self, item):
        return in_direction(escape(item.search_description or item.summary))

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.modified_at

    def item_author_name(self, item):
        # Each author is written on its own (`authors` below, #20): a single
        # «أحمد وسلمى» would read as one person to every feed reader.
        return None

    def item_categories(self, item):
        section = [item.section.title] if item.section else []
        return section + self.tag_names.get(item.pk, [])

    def item_enclosures(self, item):
        from django.utils.feedgenerator import Enclosure

        media = self._media(item)
        if not media:
            return []
        return [Enclosure(media["url"], str(media["fileSize"]), media["type"])]

    def item_extra_kwargs(self, item):
        extra = {"media": self._media(item), "authors": self._authors(item)}
        if self.options.full_text:
            body = absolutise(str(item.body), links.root_url(self.request))
            extra["content"] = in_direction(body)
        return extra

    def _authors(self, item):
        """[(name, absolute author page)] in byline order."""
        return [
            (author.name, links.absolute(self.request, author.get_absolute_url()))
            for author in self.bylines.get(item.pk, [])
        ]

    def _media(self, item):
        if not item.featured_image:
            return None
        cache = self.__dict__.setdefault("_media_cache", {})
        if item.pk not in cache:
            cache[item.pk] = feed_image(item.featured_image, self.request)
        return cache[item.pk]


class SectionFeed(ArticleFeed):
    def get_object(self, request, pk):
        return get_object_or_404(exclude_private(SectionPage.objects.live()), pk=pk)

    def articles(self, obj):
        # The section and the sections under it, as its page lists them.
        return ArticlePage.objects.published().descendant_of(obj)

    def title(self, obj):
        return f"{obj.title} · {super().title(obj)}"

    def link(self, obj):
        return links.page_url(obj, self.request)

    def description(self, obj):
        return obj.search_description or obj.description or super().description(obj)


def _no_nul(slug):
    # PostgreSQL refuses NUL in a parameter (a 500); no slug contains one.
    if "\x00" in slug:
        raise Http404
    return slug


class TagFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=_no_nul(slug))

    def articles(self, obj):
        return ArticlePage.objects.published().filter(tagged_items__tag=obj)

    def title(self, obj):
        return f"{obj.name} · {super().title(obj)}"

    def link(self, obj):
        return links.absolute(self.request, obj.get_absolute_url())


class AuthorFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Author, slug=_no_nul(slug))

    def articles(self, obj):
        return ArticlePage.objects.published().filter(article_authors__author=obj)

    def title(self, obj):
        return f"{obj.name} · {super().title(obj)}"

    def link(self, obj):
        return links.absolute(self.request, obj.get_absolute_url())


def as_atom(feed_class):
    """The same feed written as Atom 1.0."""
    return type(f"{feed_class.__name__}Atom", (feed_class,), {"feed_type": NewsAtom})
