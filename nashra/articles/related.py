"""Related articles under an article's body (#4)."""

from django.db import connection

from nashra.articles.queries import prefetch_cards

RELATED_COUNT = 4


def _newest(sql, params, limit):
    # Wrapped, because SQLite allows no LIMIT on a member of a UNION.
    # Only our own SQL text is formatted in; values go as parameters.
    return f"SELECT * FROM ({sql} LIMIT %s) AS newest", [*params, limit]  # noqa: S608


def candidates(article, tag_ids, limit):
    """Ids of the newest ``limit`` live articles of each tag and
    of the section, newest first: each part reads a few entries of an index
    ((tag, published_at) on the tag links, (section, published_at) on
    articles), so the cost does not grow with the archive (#8).

    Plain SQL: as one ORM query with a subquery per tag, compiling it cost
    more than running it (5 ms of CPU per article page).
    """
    from nashra.articles.models import ArticlePage, ArticleTag

    parts, params = [], []
    links = ArticleTag._meta.db_table
    for tag_id in tag_ids:
        sql, args = _newest(
            f"SELECT published_at, content_object_id AS id FROM {links} "  # noqa: S608
            "WHERE tag_id = %s AND published_at IS NOT NULL "
            "ORDER BY published_at DESC, content_object_id DESC",
            [tag_id],
            limit,
        )
        parts.append(sql)
        params += args
    if article.section_id:
        sql, args = _newest(
            f"SELECT published_at, page_ptr_id AS id FROM {ArticlePage._meta.db_table} "  # noqa: S608
            "WHERE section_id = %s AND published_at IS NOT NULL "
            "ORDER BY published_at DESC, page_ptr_id DESC",
            [article.section_id],
            limit,
        )
        parts.append(sql)
        params += args
    if not parts:
        return []
    union = " UNION ALL ".join(parts)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id FROM ({union}) AS found "  # noqa: S608
            "ORDER BY published_at DESC, id DESC",
            params,
        )
        return list(dict.fromkeys(pk for (pk,) in cursor.fetchall()))


def related(article, tag_ids=None, limit=RELATED_COUNT):
    """Published articles sharing a tag or the section with ``article``, newest
    first, never the article itself; two queries plus one for the images.

    Pass ``tag_ids`` when the caller already has the tags, to save a query.
    """
    from nashra.articles.models import ArticlePage

    if tag_ids is None:
        tag_ids = list(article.tags.values_list("pk", flat=True))
    # Newest first, a few more than shown: the article itself, unpublished
    # stories of the section and private pages may be among them, and fall
    # to published() below.
    ids = [pk for pk in candidates(article, tag_ids, limit * 2) if pk != article.pk]
    # Cards here show no section name, and never the body.
    found = list(
        ArticlePage.objects.published()
        .filter(pk__in=ids[: limit + 2])
        .defer("body")
        .order_by()
    )
    # Sorted here, not in SQL: with ORDER BY and LIMIT, PostgreSQL walked
    # the whole date index looking for these few ids (19 ms, #8).
    found.sort(key=lambda a: (a.published_at, a.pk), reverse=True)
    return prefetch_cards(found[:limit])
