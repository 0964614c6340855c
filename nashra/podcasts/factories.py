"""Seeded shows and episodes for tests and the demo, audio made in code (#20)."""

import io
import math
import struct
import wave

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from nashra.articles.factories import create_article
from nashra.articles.models import StoryFormat
from nashra.images.factories import create_image, jpeg_bytes
from nashra.podcasts.models import Episode, Podcast

RATE = 8000  # samples a second: a spoken-word sound, a few kB a second


def wav_bytes(seconds, pitch=440):
    """A mono 16-bit WAV of a soft tone fading in and out."""
    count = int(RATE * seconds)
    frames = bytearray()
    for index in range(count):
        envelope = min(1.0, index / RATE, (count - index) / RATE)
        value = 0.2 * envelope * math.sin(2 * math.pi * pitch * index / RATE)
        frames += struct.pack("<h", int(value * 32767))
    out = io.BytesIO()
    with wave.open(out, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(RATE)
        writer.writeframes(bytes(frames))
    return out.getvalue()


def create_audio(title, seconds, *, pitch=440, filename="episode.wav"):
    """A Wagtail document holding a generated WAV file, its size noted as the
    admin's upload form notes it."""
    data = wav_bytes(seconds, pitch)
    return get_document_model().objects.create(
        title=title, file=ContentFile(data, name=filename), file_size=len(data)
    )


def create_podcast(title="نشرة الصباح", *, cover=True, **fields):
    """A show with a square 1400 px cover, as Apple asks."""
    if cover is True:
        cover = create_image(
            f"غلاف {title}", data=jpeg_bytes(1400, 1400, (20, 70, 90)),
            filename="cover.jpg",
        )  # fmt: skip
    defaults = {
        "description": "موجز الأخبار كل صباح في عشر دقائق.",
        "author": "نشرة",
        "owner_name": "فريق البودكاست",
        "owner_email": "podcast@nashra.example",
    }
    return Podcast.objects.create(
        title=title, cover=cover or None, **{**defaults, **fields}
    )


def create_episode(podcast, section, title, *, seconds=3, number=None, **fields):
    """An audio story in ``section`` with a generated WAV, linked to ``podcast``."""
    audio = create_audio(title, seconds, filename=f"episode-{number or 0}.wav")
    story = create_article(
        section, title, format=StoryFormat.AUDIO, audio_file=audio, **fields
    )
    return Episode.objects.create(podcast=podcast, article=story, number=number)
