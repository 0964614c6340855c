"""Corrections and update notes an editor appends to a published article (#14).

A note is part of the article (a child row saved with each publish, kept in
its revisions), so it goes live with the publish that adds it and the page
cache hears of it as of any other edit. Corrections of published, public
articles also make the reader page /corrections/, newest first.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

# Who may add, change or remove notes: the editors and the chief editor (the
# roles migration and articles 0009 grant it).
PERMISSION = "articles.add_correction"


class NoteKind(models.TextChoices):
    CORRECTION = "correction", _("Correction")
    UPDATE = "update", _("Update")


class Correction(Orderable):
    """A correction («تصحيح») or an update note («تحديث») under an article."""

    page = ParentalKey(
        "articles.ArticlePage", related_name="corrections", on_delete=models.CASCADE
    )
    kind = models.CharField(
        _("kind"), max_length=12, choices=NoteKind.choices, default=NoteKind.CORRECTION
    )
    text = models.TextField(
        _("text"),
        max_length=1000,
        help_text=_("What was wrong and what is right now, or what is new."),
    )
    at = models.DateTimeField(_("time"), default=timezone.now)

    panels = [FieldPanel("kind"), FieldPanel("at"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("correction or update")
        verbose_name_plural = _("corrections and updates")
        # /corrections/ reads corrections newest first, a page at a time.
        indexes = [
            models.Index(
                fields=["kind", "-at", "-id"], name="articles_corrections_newest"
            )
        ]

    def __str__(self):
        return self.text[:60]

    @property
    def is_correction(self):
        return self.kind == NoteKind.CORRECTION


def latest_time(notes):
    """When the newest of ``notes`` was written, or None without any."""
    return max((note.at for note in notes if note.at), default=None)
