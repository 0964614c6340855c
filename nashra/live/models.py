from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField

from nashra.articles.models import ArticlePage, Breaking
from nashra.live.blocks import LiveEntryBlock
from nashra.live.stream import HIGHLIGHTED, stream_context

# Short enough that a CDN in front shows a deleted entry for at most
# max-age + stale-while-revalidate (4 s) after the purge (#15).
PAGE_CDN_SECONDS = 2
# A running live page without an end time leaves the ticker after this; a
# publish of the page puts it back (the expiry job tidies the row).
TICKER_HORIZON = timedelta(days=30)


class LiveStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    LIVE = "live", _("Live")
    ENDED = "ended", _("Ended")


class LivePage(ArticlePage):
    """Live coverage of an event: an article whose entries arrive as they happen.

    An article by inheritance, so sections, the front page, feeds, search and
    the sitemap list it as they list any story (#15).
    """

    status = models.CharField(
        _("status"), max_length=10, choices=LiveStatus, default=LiveStatus.UPCOMING
    )
    coverage_start = models.DateTimeField(_("coverage starts"), null=True, blank=True)
    coverage_end = models.DateTimeField(_("coverage ends"), null=True, blank=True)

    content_panels = [
        *ArticlePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("coverage_start"),
             FieldPanel("coverage_end")],
            heading=_("Coverage"),
        ),
    ]  # fmt: skip

    class Meta:
        verbose_name = _("live page")
        verbose_name_plural = _("live pages")

    @property
    def is_live(self):
        return self.status == LiveStatus.LIVE

    def sync_breaking(self):
        """While the coverage runs the page is in the ticker (#15): it keeps
        the ticker's row itself, until its coverage ends; otherwise the
        article's own breaking switch decides."""
        if not (self.live and self.is_live):
            super().sync_breaking()
            return
        now = timezone.now()
        end = self.coverage_end
        until = end if end is not None and end > now else now + TICKER_HORIZON
        Breaking.objects.update_or_create(page_id=self.pk, defaults={"until": until})

    # Its entries are the story: a text-only copy without them would mislead.
    offers_reading_mode = False

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(stream_context(self, request))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        patch_cache_control(
            response,
            public=True,
            max_age=0,
            s_maxage=PAGE_CDN_SECONDS,
            stale_while_revalidate=PAGE_CDN_SECONDS,
        )
        return response


class LiveEntryQuerySet(models.QuerySet):
    def shown(self):
        return self.filter(deleted=False)


class LiveEntry(models.Model):
    """One update of live coverage, signed by the editor who posted it."""

    page = models.ForeignKey(LivePage, on_delete=models.CASCADE, related_name="entries")
    body = StreamField(LiveEntryBlock(), verbose_name=_("body"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)
    # Grows with every write of the entry; readers' scripts compare it with
    # the one they show to know what to replace (#15).
    version = models.BigIntegerField(default=0)
    pinned = models.BooleanField(_("pinned"), default=False)
    key_event = models.BooleanField(_("key event"), default=False)
    edited = models.BooleanField(default=False)
    # A deleted entry keeps its row, without its body, so the tail can tell
    # open pages to remove it.
    deleted = models.BooleanField(default=False)

    objects = LiveEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("live entry")
        verbose_name_plural = _("live entries")
        indexes = [
            models.Index(fields=["page", "version"], name="live_entry_changes"),
            models.Index(fields=["page", "deleted", "id"], name="live_entry_stream"),
            models.Index(
                fields=["page", "id"],
                condition=models.Q(HIGHLIGHTED, deleted=False),
                name="live_entry_highlights",
            ),
        ]

    def __str__(self):
        return f"{self.page_id}#{self.pk}"


class PublishingToken(models.Model):
    """A key another tool uses to post entries as a staff user (only its hash is kept)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("publishing token")
        verbose_name_plural = _("publishing tokens")

    def __str__(self):
        return f"{self.user} {self.created_at:%Y-%m-%d}"
