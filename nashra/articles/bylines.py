"""Bylines read in bulk, and the author boxes under an article: each
author's latest pieces (#20)."""

from django.db import connection
from django.db.models import Prefetch, prefetch_related_objects

from nashra.articles.queries import images_with

LATEST_COUNT = 3
# As articles/author_boxes.html asks for the photo.
PHOTO_SPECS = ("fill-96x96|format-webp",)


def _candidates(author_ids, article, limit):
    """(author id, article id) of the newest ``limit`` dated articles of each
    author but ``article``: one query whatever the number of authors, each
    part a LIMITed walk of one author's byline rows."""
    from nashra.articles.models import ArticlePage, ArticlePageAuthor

    links = ArticlePageAuthor._meta.db_table
    articles = ArticlePage._meta.db_table
    part = (
        f"SELECT * FROM (SELECT l.author_id, a.page_ptr_id AS id, a.published_at "  # noqa: S608
        f"FROM {links} l JOIN {articles} a ON a.page_ptr_id = l.page_id "
        "WHERE l.author_id = %s AND a.published_at IS NOT NULL "
        "AND a.page_ptr_id <> %s "
        "ORDER BY a.published_at DESC, a.page_ptr_id DESC LIMIT %s) AS newest"
    )
    sql = " UNION ALL ".join([part] * len(author_ids))
    params = []
    for author_id in author_ids:
        params += [author_id, article.pk or 0, limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def author_boxes(article, authors, limit=LATEST_COUNT):
    """[(author, [latest published pieces])] for the byline ``authors``, in
    byline order: four queries for any number of authors (their pieces,
    the live ones among them, the photos, their renditions)."""
    from nashra.articles.models import ArticlePage

    authors = list(dict.fromkeys(authors))
    if not authors:
        return []
    # A few more than shown: unpublished or private ones fall to published().
    rows = _candidates([author.pk for author in authors], article, limit * 2)
    found = ArticlePage.objects.published().filter(pk__in={pk for _, pk, _ in rows})
    live = {a.pk: a for a in found.defer("body").order_by()}
    latest = {author.pk: [] for author in authors}
    for author_id, pk, _ in sorted(rows, key=lambda r: (r[2], r[1]), reverse=True):
        if pk in live and len(latest[author_id]) < limit:
            latest[author_id].append(live[pk])
    prefetch_related_objects(
        authors, Prefetch("photo", queryset=images_with(PHOTO_SPECS))
    )
    return [(author, latest[author.pk]) for author in authors]


def fill_bylines(articles):
    """Set every article's ``byline_authors`` that is not read yet, with one
    query for all of them: a listing's cards would cost one each (#20)."""
    from nashra.articles.models import ArticlePageAuthor

    waiting = {}
    for article in articles:
        if article.pk and "byline_authors" not in article.__dict__:
            waiting.setdefault(article.pk, []).append(article)
    if not waiting:
        return
    found = {pk: [] for pk in waiting}
    links = ArticlePageAuthor.objects.filter(page_id__in=waiting)
    for link in links.select_related("author").order_by("sort_order", "pk"):
        found[link.page_id].append(link.author)
    for pk, copies in waiting.items():
        for article in copies:
            article.__dict__["byline_authors"] = found[pk]
