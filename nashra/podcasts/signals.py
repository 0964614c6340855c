"""An episode is measured again when its story is published with another file (#20)."""

from wagtail.signals import page_published

from nashra.articles.models import ArticlePage
from nashra.podcasts.models import Episode


def measure_again(sender, instance, **kwargs):
    """A replaced audio file brings its own size, type and duration; the
    values the editor typed for the old file would be wrong for it."""
    if not isinstance(instance, ArticlePage) or not instance.audio_file_id:
        return
    episode = Episode.objects.filter(article_id=instance.pk).first()
    if episode is None:
        return
    document = instance.audio_file
    if document.file_size is None or document.file_size == episode.length:
        return
    episode.article = instance
    episode.length, episode.duration, episode.mime_type = None, None, ""
    episode.save()


def connect():
    page_published.connect(measure_again, dispatch_uid="podcasts-measure-again")
