"""The read-only endpoints: articles, sections, authors, tags and images (#6).

Each listing starts from `ArticlePage.objects.published()` (live, public, with
a publication date) or from what published articles use, so a draft, a
scheduled article, a private section or a draft's picture never appears.
"""

from datetime import UTC, datetime
from typing import Literal

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Path, Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from nashra.articles.models import ArticlePage, ArticlePageAuthor, Author, Tag
from nashra.core.privacy import exclude_private
from nashra.feeds.api import schemas, serialise
from nashra.images.models import NewsImage
from nashra.sections.models import SectionPage

router = Router()

ORDERINGS = {
    "-published_at": ("-published_at", "-pk"),
    "published_at": ("published_at", "pk"),
    "-updated_at": ("-last_published_at", "-pk"),
    "title": ("title", "pk"),
    "-title": ("-title", "-pk"),
}
# Page and image ids are 32-bit columns; a larger number is simply not found,
# not an overflow (a 500) in the database driver. Schemathesis found this.
MAX_ID = 2**31 - 1
ID = Path(..., ge=1, le=MAX_ID)
# PostgreSQL refuses NUL in a string parameter (a 500); such a slug cannot exist.
NO_NUL = r"^[^\x00]*$"
SLUG = Path(..., max_length=200, pattern=NO_NUL)
NOT_FOUND = {404: schemas.Problem, 422: schemas.Problem}
INVALID = {422: schemas.Problem}


class PageQuery(Schema):
    page: int = Field(1, ge=1, le=100_000)
    page_size: int = Field(20, ge=1, le=100)


class ArticleFilters(PageQuery):
    section: int | None = Field(
        None, ge=1, le=MAX_ID, description="Section id (and its subsections)"
    )
    tag: str | None = Field(
        None, max_length=100, pattern=NO_NUL, description="Tag slug"
    )
    author: str | None = Field(
        None, max_length=200, pattern=NO_NUL, description="Author slug"
    )
    since: datetime | None = Field(None, description="Published at or after (ISO 8601)")
    breaking: bool | None = Field(
        None, description="true: breaking news now only; false: the others"
    )
    ordering: Literal[tuple(ORDERINGS)] = "-published_at"


def _page(queryset, query, build):
    start = (query.page - 1) * query.page_size
    items = list(queryset[start : start + query.page_size])
    return {
        "count": queryset.count(),
        "page": query.page,
        "page_size": query.page_size,
        "results": [build(item) for item in items],
    }


def published():
    authors = ArticlePageAuthor.objects.select_related("author")
    return (
        ArticlePage.objects.published()
        .select_related("section", "featured_image")
        .prefetch_related(Prefetch("article_authors", queryset=authors), "tags")
    )


def public_sections():
    return exclude_private(SectionPage.objects.live())


@router.get(
    "/articles/",
    response={200: schemas.page_of(schemas.ArticleOut), **NOT_FOUND},
    tags=["articles"],
)
def list_articles(request, filters: Query[ArticleFilters]):
    """Published articles, newest first unless `ordering` says otherwise."""
    articles = published().defer_streamfields()
    if filters.section is not None:
        section = public_sections().filter(pk=filters.section).first()
        if section is None:
            raise HttpError(404, "Unknown section")
        articles = articles.descendant_of(section)
    if filters.tag:
        articles = articles.filter(tagged_items__tag__slug=filters.tag)
    if filters.author:
        articles = articles.filter(article_authors__author__slug=filters.author)
    if filters.since:
        since = filters.since
        if timezone.is_naive(since):
            since = timezone.make_aware(since)
        # ISO 8601 allows offsets to ±23:59, PostgreSQL only to ±15:59 (a 500,
        # found by schemathesis): the query gets the same instant in UTC.
        try:
            since = since.astimezone(UTC)
        except OverflowError:
            raise HttpError(422, "since is out of range") from None
        articles = articles.filter(published_at__gte=since)
    if filters.breaking is not None:
        # Judged by the clock, not by whether the expiry job has run (#14).
        now = Q(breaking_until__gt=timezone.now())
        articles = articles.filter(now if filters.breaking else ~now)
    articles = articles.order_by(*ORDERINGS[filters.ordering]).distinct()
    return _page(articles, filters, lambda a: serialise.article(a, request))


@router.get("/articles/{int:article_id}/", response={200: schemas.ArticleDetail, **NOT_FOUND}, tags=["articles"])  # fmt: skip
def get_article(request, article_id: int = ID):
    article = get_object_or_404(published(), pk=article_id)
    return serialise.article(article, request, with_body=True)


@router.get(
    "/sections/",
    response={200: schemas.page_of(schemas.SectionOut), **INVALID},
    tags=["sections"],
)
def list_sections(request, query: Query[PageQuery]):
    sections = public_sections().order_by("path")
    parent_ids = dict(sections.values_list("path", "pk"))
    return _page(sections, query, lambda s: serialise.section(s, request, parent_ids))


@router.get("/sections/{int:section_id}/", response={200: schemas.SectionOut, **NOT_FOUND}, tags=["sections"])  # fmt: skip
def get_section(request, section_id: int = ID):
    section = get_object_or_404(public_sections(), pk=section_id)
    parents = public_sections().filter(path=section.path[: -section.steplen])
    return serialise.section(section, request, dict(parents.values_list("path", "pk")))


def _published_ids():
    return ArticlePage.objects.published().values("pk")


def public_authors():
    """Authors with at least one published article (a new hire stays unlisted)."""
    bylines = ArticlePageAuthor.objects.filter(page__in=_published_ids())
    return Author.objects.filter(pk__in=bylines.values("author")).select_related(
        "photo"
    )


@router.get(
    "/authors/",
    response={200: schemas.page_of(schemas.AuthorOut), **INVALID},
    tags=["authors"],
)
def list_authors(request, query: Query[PageQuery]):
    authors = public_authors().order_by("name", "pk")
    return _page(authors, query, lambda a: serialise.author(a, request))


@router.get("/authors/{slug}/", response={200: schemas.AuthorOut, **NOT_FOUND}, tags=["authors"])  # fmt: skip
def get_author(request, slug: str = SLUG):
    return serialise.author(get_object_or_404(public_authors(), slug=slug), request)


@router.get(
    "/tags/", response={200: schemas.page_of(schemas.TagOut), **INVALID}, tags=["tags"]
)
def list_tags(request, query: Query[PageQuery]):
    """Tags of published articles: a draft's tags would reveal its subject."""
    tags = Tag.objects.filter(tagged_articles__content_object__in=_published_ids())
    tags = tags.distinct().order_by("name", "pk")
    return _page(tags, query, lambda t: serialise.tag(t, request))


def public_images():
    """Pictures of published articles and of listed authors only."""
    used = ArticlePage.objects.published().values("featured_image")
    portraits = public_authors().values("photo")
    return NewsImage.objects.filter(pk__in=used) | NewsImage.objects.filter(
        pk__in=portraits
    )


@router.get(
    "/images/",
    response={200: schemas.page_of(schemas.ImageOut), **INVALID},
    tags=["images"],
)
def list_images(request, query: Query[PageQuery]):
    images = public_images().order_by("-pk")
    return _page(images, query, lambda i: serialise.image(i, request))


@router.get("/images/{int:image_id}/", response={200: schemas.ImageOut, **NOT_FOUND}, tags=["images"])  # fmt: skip
def get_image(request, image_id: int = ID):
    return serialise.image(get_object_or_404(public_images(), pk=image_id), request)
