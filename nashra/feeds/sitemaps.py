"""Sitemaps written as a stream, so 100,000 articles cost no more memory than ten.

Django's sitemap framework builds each file as a list before rendering it;
here every file is a generator over `.iterator()`, one <url> at a time. A
`SitemapSource` says which objects a file lists and how; the index splits each
source into files of at most `URLS_PER_FILE` URLs, as the protocol requires.
"""

from datetime import UTC, timedelta
from xml.sax.saxutils import escape

from django.conf import settings
from django.utils import timezone
from wagtail.models import Page

from nashra.articles.models import ArticlePage, ArticlePageAuthor, Author, Tag
from nashra.core.privacy import exclude_private
from nashra.feeds import links
from nashra.home.models import HomePage
from nashra.sections.models import SectionPage

# The sitemap protocol's limit per file (and per index).
URLS_PER_FILE = 50_000
# Rows fetched per database round trip while streaming.
CHUNK = 2_000
# Google News reads articles of the last two days, at most 1,000 per file.
NEWS_WINDOW = timedelta(hours=48)
NEWS_LIMIT = 1_000

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'


def w3c(moment):
    """A W3C datetime in UTC, e.g. 2025-03-01T08:30:00+00:00."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _loc(url):
    return f"<loc>{escape(url)}</loc>"


class SitemapSource:
    """One kind of public URL. Subclasses set `name` and override the hooks."""

    # The file name stem: /sitemaps/<name>-<page>.xml
    name = ""

    def queryset(self):
        raise NotImplementedError

    def location(self, obj, request):
        raise NotImplementedError

    def lastmod(self, obj):
        return None

    def images(self, obj, request):
        return []

    def count(self):
        return self.queryset().count()

    def entry(self, obj, request):
        url = self.location(obj, request)
        if url is None:
            return ""
        parts = [_loc(url)]
        modified = self.lastmod(obj)
        if modified:
            parts.append(f"<lastmod>{w3c(modified)}</lastmod>")
        for image in self.images(obj, request):
            parts.append(
                f"<image:image><image:loc>{escape(image)}</image:loc></image:image>"
            )
        return f"<url>{''.join(parts)}</url>\n"

    def stream(self, request, page):
        per_file = URLS_PER_FILE
        start = (page - 1) * per_file
        rows = self.queryset().order_by("pk")[start : start + per_file]
        yield XML_HEAD
        yield f'<urlset xmlns="{SITEMAP_NS}" xmlns:image="{IMAGE_NS}">\n'
        for obj in rows.iterator(chunk_size=CHUNK):
            yield self.entry(obj, request)
        yield "</urlset>\n"


class ArticleSource(SitemapSource):
    name = "articles"

    def queryset(self):
        return (
            ArticlePage.objects.published()
            .defer_streamfields()
            .select_related("featured_image")
        )

    def location(self, obj, request):
        return links.page_url(obj, request)

    def lastmod(self, obj):
        return obj.last_published_at or obj.published_at

    def images(self, obj, request):
        # The original file: a sitemap must never make the server resize
        # 100,000 pictures on its first visit.
        if obj.featured_image is None:
            return []
        return [links.absolute(request, obj.featured_image.file.url)]


class SectionSource(SitemapSource):
    """The front page and every section page."""

    name = "sections"

    def queryset(self):
        pages = Page.objects.live().type(HomePage, SectionPage)
        return exclude_private(pages)

    def location(self, obj, request):
        return links.page_url(obj, request)

    def lastmod(self, obj):
        return obj.last_published_at


def _published_ids():
    return ArticlePage.objects.published().values("pk")


class TagSource(SitemapSource):
    """Tags of published articles only: a draft's tags would leak its subject."""

    name = "tags"

    def queryset(self):
        return Tag.objects.filter(
            tagged_articles__content_object__in=_published_ids()
        ).distinct()

    def location(self, obj, request):
        return links.absolute(request, obj.get_absolute_url())


class AuthorSource(SitemapSource):
    name = "authors"

    def queryset(self):
        bylines = ArticlePageAuthor.objects.filter(page__in=_published_ids())
        return Author.objects.filter(pk__in=bylines.values("author"))

    def location(self, obj, request):
        return links.absolute(request, obj.get_absolute_url())


SOURCES = {source.name: source for source in (
    ArticleSource(), SectionSource(), TagSource(), AuthorSource()
)}  # fmt: skip


def index_entries(request):
    """The URL of every sitemap file, the news sitemap first."""
    per_file = URLS_PER_FILE
    yield links.absolute(request, "/sitemaps/news.xml")
    for source in SOURCES.values():
        files = max(1, -(-source.count() // per_file))
        for page in range(1, files + 1):
            yield links.absolute(request, f"/sitemaps/{source.name}-{page}.xml")


def stream_index(request):
    yield XML_HEAD
    yield f'<sitemapindex xmlns="{SITEMAP_NS}">\n'
    for url in index_entries(request):
        yield f"<sitemap>{_loc(url)}</sitemap>\n"
    yield "</sitemapindex>\n"


def stream_news(request):
    """Google News sitemap: the last 48 hours, newest first."""
    name = escape(links.publication_name(request))
    language = settings.LANGUAGE_CODE
    recent = (
        ArticlePage.objects.published()
        .filter(published_at__gte=timezone.now() - NEWS_WINDOW)
        .filter(published_at__lte=timezone.now())
        .defer_streamfields()
        .newest_first()[:NEWS_LIMIT]
    )
    yield XML_HEAD
    yield f'<urlset xmlns="{SITEMAP_NS}" xmlns:news="{NEWS_NS}">\n'
    for article in recent.iterator(chunk_size=CHUNK):
        url = links.page_url(article, request)
        if url is None:
            continue
        yield (
            f"<url>{_loc(url)}<news:news><news:publication>"
            f"<news:name>{name}</news:name>"
            f"<news:language>{escape(language)}</news:language>"
            f"</news:publication>"
            f"<news:publication_date>{w3c(article.published_at)}"
            f"</news:publication_date>"
            f"<news:title>{escape(article.title)}</news:title>"
            f"</news:news></url>\n"
        )
    yield "</urlset>\n"
