"""Seeded articles, authors and tags for tests and the demo site."""

from django.utils import timezone

from nashra.articles.models import ArticlePage, ArticlePageAuthor, Author


def create_author(name, slug=None, **fields):
    return Author.objects.create(name=name, slug=slug or "", **fields)


def paragraph(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def create_article(
    section,
    title,
    *,
    slug=None,
    body=None,
    authors=(),
    tags=(),
    published_at=None,
    publish=True,
    **fields,
):
    """An article in `section`, published at `published_at` (now by default)."""
    article = ArticlePage(
        title=title,
        slug=slug or "",
        body=body if body is not None else [paragraph(title)],
        published_at=published_at or (timezone.now() if publish else None),
        live=publish,
        **fields,
    )
    article.article_authors = [ArticlePageAuthor(author=author) for author in authors]
    if tags:
        article.tags.set(list(tags))
    section.add_child(instance=article)
    revision = article.save_revision()
    if publish:
        revision.publish()
        article.refresh_from_db()
    return article
