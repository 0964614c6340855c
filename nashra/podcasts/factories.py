"""Seeded shows and episodes for tests and the demo, audio made in code (#20)."""

from nashra.articles.factories import create_article, create_document, wav_bytes
from nashra.articles.models import StoryFormat
from nashra.images.factories import create_image, jpeg_bytes
from nashra.podcasts.models import Episode, Podcast


def create_audio(title, seconds, *, pitch=440, filename="episode.wav"):
    """A Wagtail document holding a generated WAV file."""
    return create_document(title, wav_bytes(seconds, pitch), filename)


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
