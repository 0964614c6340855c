"""Sitemaps written as a stream, so 100,000 articles cost no more memory than ten.

Django's sitemap framework builds each file as a list before rendering it;
here every file is a generator over chunks of rows, one <url> at a time. A
`SitemapSource` says which objects a file lists and how. File n of a source
lists the objects whose id falls in ((n - 1) × URLS_PER_FILE, n × URLS_PER_FILE]:
never more URLs than the protocol allows, and neither the index nor a file
has to count or skip rows to find where a file starts (#8). Chunks within a
file are read by id (keyset), never by OFFSET.
"""

from datetime import UTC, timedelta
from xml.sax.saxutils import escape

from django.conf import settings
from django.db.models import Exists, Max, OuterRef
from django.utils import timezone
from wagtail.models import Page

from nashra.articles.models import ArticlePage, ArticleTag, Author, Tag
from nashra.core.privacy import exclude_private, private_paths
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

    def in_file(self, page):
        """What file ``page`` lists: the objects in its id range."""
        last = page * URLS_PER_FILE
        return self.between(self.queryset(), last - URLS_PER_FILE, last)

    def between(self, queryset, after, last):
        """``queryset`` within after < id <= last."""
        return queryset.filter(pk__gt=after, pk__lte=last)

    def files(self):
        """The numbers of the files that list something (at least file 1).

        The highest id comes from the primary key's index; each range is then
        asked for one row, which stops at the first match.
        """
        model = self.queryset().model
        top = model._base_manager.order_by().aggregate(top=Max("pk"))["top"] or 0
        ranges = range(1, -(-top // URLS_PER_FILE) + 1)
        return [page for page in ranges if self.in_file(page).exists()] or [1]

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
        last = page * URLS_PER_FILE
        rows = self.queryset().order_by("pk")
        yield XML_HEAD
        yield f'<urlset xmlns="{SITEMAP_NS}" xmlns:image="{IMAGE_NS}">\n'
        after = last - URLS_PER_FILE
        while True:
            chunk = list(self.between(rows, after, last)[:CHUNK])
            for obj in chunk:
                yield self.entry(obj, request)
            if len(chunk) < CHUNK:
                break
            after = chunk[-1].pk
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
        return obj.modified_at

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


def _has_published(lookup):
    """Whether the outer row has a published article, as a correlated EXISTS:
    it stops at the first one, where `IN (published ids)` listed 100,000 (#8).
    """
    articles = ArticlePage.objects.published().filter(**{lookup: OuterRef("pk")})
    return Exists(articles.values("pk"))


class TagSource(SitemapSource):
    """Tags of published articles only: a draft's tags would leak its subject."""

    name = "tags"

    def queryset(self):
        # A tag link carries its article's date while the article is live
        # (c037326), so its (tag, date) index answers without the page table.
        links = ArticleTag.objects.filter(
            tag=OuterRef("pk"), published_at__isnull=False
        )
        for path in private_paths():
            links = links.exclude(content_object__path__startswith=path)
        return Tag.objects.filter(Exists(links))

    def location(self, obj, request):
        return links.absolute(request, obj.get_absolute_url())


class AuthorSource(SitemapSource):
    name = "authors"

    def queryset(self):
        return Author.objects.filter(_has_published("article_authors__author"))

    def location(self, obj, request):
        return links.absolute(request, obj.get_absolute_url())


SOURCES = {source.name: source for source in (
    ArticleSource(), SectionSource(), TagSource(), AuthorSource()
)}  # fmt: skip


def index_entries(request):
    """The URL of every sitemap file, the news sitemap first."""
    yield links.absolute(request, "/sitemaps/news.xml")
    for source in SOURCES.values():
        for page in source.files():
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
