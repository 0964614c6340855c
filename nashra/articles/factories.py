"""Seeded articles, authors and tags for tests and the demo site."""

import io
import math
import struct
import wave

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

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
    # In the byline's order, as the editor's inline panel saves it: with no
    # sort_order PostgreSQL returned the names in any order.
    article.article_authors = [
        ArticlePageAuthor(author=author, sort_order=index)
        for index, author in enumerate(authors)
    ]
    if tags:
        article.tags.set(list(tags))
    section.add_child(instance=article)
    revision = article.save_revision()
    if publish:
        revision.publish()
        article.refresh_from_db()
    return article


def wav_bytes(seconds=1, rate=8000):
    """A short, valid mono WAV (a quiet 440 Hz tone), made locally (#20)."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        samples = (int(3000 * math.sin(2 * math.pi * 440 * n / rate))
                   for n in range(int(seconds * rate)))  # fmt: skip
        out.writeframes(b"".join(struct.pack("<h", s) for s in samples))
    return buffer.getvalue()


def create_document(title, data, filename):
    """A Wagtail document stored in MEDIA_ROOT from raw bytes."""
    return get_document_model().objects.create(
        title=title, file=ContentFile(data, name=filename)
    )
