"""Podcast shows and their episodes, which are audio stories (#20)."""

import mimetypes
import uuid
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.images import get_image_model_string
from wagtail.models import Site

from nashra.articles.models import StoryFormat
from nashra.podcasts.categories import CATEGORIES
from nashra.text.audio import duration_seconds

# Apple Podcasts asks for a square cover of 1400 to 3000 pixels a side.
COVER_MIN = 1400
COVER_MAX = 3000
# RFC 4648 namespace the podcast namespace fixes for podcast:guid.
PODCAST_GUID_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")


LANGUAGES = [("ar", _("Arabic")), ("en", _("English"))]


class ShowType(models.TextChoices):
    EPISODIC = "episodic", _("Episodic (newest first)")
    SERIAL = "serial", _("Serial (in order, from the first)")


class EpisodeType(models.TextChoices):
    FULL = "full", _("Full episode")
    TRAILER = "trailer", _("Trailer")
    BONUS = "bonus", _("Bonus")


class Podcast(models.Model):
    """A podcast show: its cover, owner and category, and its episodes' feed."""

    # The show page, its feed and the episodes' article pages show it.
    cache_site_wide = True

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(
        _("slug"), max_length=100, unique=True, allow_unicode=True, blank=True,
        help_text=_("Part of the show's address: /podcasts/<slug>/."),
    )  # fmt: skip
    description = models.TextField(
        _("description"), help_text=_("Shown by podcast apps under the show's name.")
    )
    cover = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Square, from 1400×1400 to 3000×3000 pixels, JPEG or PNG."),
    )
    author = models.CharField(
        _("author"),
        max_length=255,
        help_text=_("The name podcast apps show as the maker."),
    )
    owner_name = models.CharField(_("owner's name"), max_length=255)
    owner_email = models.EmailField(
        _("owner's e-mail"),
        help_text=_("Apple and Spotify write here to confirm the show is yours."),
    )
    category = models.CharField(
        _("category"), max_length=60, choices=CATEGORIES, default="News/Daily News"
    )
    explicit = models.BooleanField(
        _("explicit content"), default=False,
        help_text=_("Tick when episodes contain language or content unsuitable for children."),
    )  # fmt: skip
    show_type = models.CharField(
        _("show type"), max_length=10, choices=ShowType, default=ShowType.EPISODIC
    )
    language = models.CharField(
        _("language"), max_length=10, choices=LANGUAGES, default="ar"
    )
    section = models.ForeignKey(
        "sections.SectionPage",
        verbose_name=_("section"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The section the show belongs to, linked from its page."),
    )
    guid = models.UUIDField(_("podcast GUID"), null=True, editable=False)

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("cover"),
        MultiFieldPanel(
            [FieldPanel("author"),
             FieldRowPanel([FieldPanel("owner_name"), FieldPanel("owner_email")])],
            heading=_("Maker and owner"),
        ),
        FieldPanel("category"),
        FieldRowPanel([FieldPanel("show_type"), FieldPanel("language")]),
        FieldPanel("explicit"),
        FieldPanel("section"),
    ]  # fmt: skip

    class Meta:
        ordering = ["title"]
        verbose_name = _("podcast")
        verbose_name_plural = _("podcasts")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.title, allow_unicode=True)[:100] or "podcast"
        if self.guid is None:
            # The podcast namespace's rule: UUIDv5 of the feed address without
            # its scheme, made once and kept when the host or slug changes.
            site = Site.objects.filter(is_default_site=True).first()
            host = urlsplit(site.root_url).netloc if site else "localhost"
            address = f"{host}/podcasts/{self.slug}/feed.xml"
            self.guid = uuid.uuid5(PODCAST_GUID_NAMESPACE, address)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("podcasts:show", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        cover = self.cover
        if cover is None:
            raise ValidationError({"cover": _(
                "A podcast needs a cover image: Apple Podcasts and Spotify refuse "
                "a show without one. Choose a square picture of at least "
                "1400×1400 pixels."
            )})  # fmt: skip
        if cover.width != cover.height or not COVER_MIN <= cover.width <= COVER_MAX:
            raise ValidationError({"cover": _(
                "The cover is %(width)s×%(height)s pixels. Podcast apps need a "
                "square picture from 1400×1400 to 3000×3000 pixels."
            ) % {"width": cover.width, "height": cover.height}})  # fmt: skip

    def feed_path(self):
        return reverse("feeds:podcast", kwargs={"slug": self.slug})


class Episode(models.Model):
    """An audio story published as one episode of a show."""

    # The show page and feed list it; both are cached under "site" (#13).
    cache_site_wide = True

    podcast = models.ForeignKey(
        Podcast, verbose_name=_("podcast"), on_delete=models.CASCADE,
        related_name="episodes",
    )  # fmt: skip
    article = models.OneToOneField(
        "articles.ArticlePage",
        verbose_name=_("audio story"),
        on_delete=models.CASCADE,
        related_name="podcast_episode",
        help_text=_("An article whose story format is Audio, with a file or a link."),
    )
    season = models.PositiveSmallIntegerField(_("season"), null=True, blank=True)
    number = models.PositiveIntegerField(_("episode number"), null=True, blank=True)
    episode_type = models.CharField(
        _("episode type"), max_length=10, choices=EpisodeType, default=EpisodeType.FULL
    )
    duration = models.PositiveIntegerField(
        _("duration in seconds"), null=True, blank=True,
        help_text=_("Read from a WAV or MP3 file when left empty."),
    )  # fmt: skip
    length = models.PositiveBigIntegerField(
        _("file size in bytes"), null=True, blank=True,
        help_text=_("Read from an uploaded file; give it for an audio link."),
    )  # fmt: skip
    mime_type = models.CharField(
        _("file type"), max_length=60, blank=True,
        help_text=_("The file's MIME type; guessed from its name when left empty."),
    )  # fmt: skip
    # Podcast apps know an episode by its guid: made once, never changed.
    guid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)

    panels = [
        FieldPanel("podcast"),
        FieldPanel("article"),
        FieldRowPanel([FieldPanel("season"), FieldPanel("number")]),
        FieldPanel("episode_type"),
        FieldPanel("duration"),
        FieldRowPanel([FieldPanel("length"), FieldPanel("mime_type")]),
    ]

    class Meta:
        ordering = ["podcast", "-season", "-number", "-pk"]
        verbose_name = _("episode")
        verbose_name_plural = _("episodes")

    def __str__(self):
        return self.article.title if self.article_id else str(self.guid)

    def save(self, *args, **kwargs):
        if self.article_id and (self.length is None or not self.mime_type):
            self.read_file()
        super().save(*args, **kwargs)

    def audio_address(self):
        """The stored file's own address, or the audio link.

        The file itself (/media/… behind nginx, or the public bucket), not
        Wagtail's /documents/ view: players and podcast apps ask for byte
        ranges, which that view does not answer, and it sends audio as an
        attachment.
        """
        story = self.article
        if story.audio_file_id:
            return story.audio_file.file.url
        return story.audio_url

    def clean(self):
        super().clean()
        if not self.article_id:
            return
        story = self.article
        if story.format != StoryFormat.AUDIO:
            raise ValidationError({"article": _(
                "An episode is an audio story: set the article's story format to "
                "Audio first."
            )})  # fmt: skip
        if not (story.audio_file_id or story.audio_url):
            raise ValidationError({"article": _(
                "The story has no audio: upload a file or give an audio link."
            )})  # fmt: skip
        self.read_file()
        if not story.audio_file_id and not self.length:
            raise ValidationError({"length": _(
                "Podcast apps need the size of a linked file: give it in bytes."
            )})  # fmt: skip

    def read_file(self):
        """Fill size, type and duration from the uploaded file the editor left empty."""
        story = self.article
        name = story.audio_file.file.name if story.audio_file_id else story.audio_url
        if not self.mime_type:
            self.mime_type = mimetypes.guess_type(name)[0] or "audio/mpeg"
        if self.duration is None and story.media_duration:
            self.duration = story.media_duration
        if not story.audio_file_id:
            return
        stored = story.audio_file.file
        try:
            size = stored.size
            if self.duration is None:
                with stored.open("rb") as stream:
                    self.duration = duration_seconds(stream, size)
        except OSError:  # a file lost from storage: the editor gives the values
            return
        self.length = size
