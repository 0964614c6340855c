"""Seeded live pages and entries for tests and the demo newspaper (#15)."""

from datetime import timedelta

from django.utils import timezone

from nashra.articles.models import ArticlePageAuthor
from nashra.live import writing
from nashra.live.models import LivePage, LiveStatus


def create_live_page(
    section, title, *, slug="", status=LiveStatus.LIVE, authors=(), **fields
):
    """A published live page in ``section``, its coverage started an hour ago."""
    now = timezone.now()
    fields.setdefault("coverage_start", now - timedelta(hours=1))
    fields.setdefault("published_at", now - timedelta(hours=1))
    page = LivePage(title=title, slug=slug, status=status, live=True, **fields)
    page.article_authors = [ArticlePageAuthor(author=author) for author in authors]
    section.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def post_text(page, text, author=None, **flags):
    """An entry of plain text, through the one write path."""
    return writing.post(page, author, writing.text_blocks(text), **flags)
