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


WAV_RATE = 8000  # samples a second: a spoken-word sound, a few kB a second


def wav_bytes(seconds=1, pitch=440):
    """A mono 16-bit WAV of a soft tone fading in and out, made locally (#20)."""
    count = int(WAV_RATE * seconds)
    frames = bytearray()
    for index in range(count):
        envelope = min(1.0, index / WAV_RATE, (count - index) / WAV_RATE)
        value = 0.2 * envelope * math.sin(2 * math.pi * pitch * index / WAV_RATE)
        frames += struct.pack("<h", int(value * 32767))
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(WAV_RATE)
        writer.writeframes(bytes(frames))
    return out.getvalue()


def create_document(title, data, filename):
    """A Wagtail document stored in MEDIA_ROOT from raw bytes, its size noted
    as the admin's upload form notes it."""
    return get_document_model().objects.create(
        title=title, file=ContentFile(data, name=filename), file_size=len(data)
    )
