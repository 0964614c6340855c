"""Readers' comments, per-article thread switches, the spam model and options (#3)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


class Status(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    SPAM = "spam", _("Spam")
    TRASH = "trash", _("Trash")


class Comment(models.Model):
    """A reader's (or a staff member's) comment on an article, awaiting or after moderation."""

    article = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    # The top-level comment of the thread: one query fetches a whole page of
    # threads however deep they go.
    root = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    depth = models.PositiveSmallIntegerField(default=1)
    name = models.CharField(_("name"), max_length=80)
    # Never rendered on a public page, feed or API (#3 privacy).
    email = models.EmailField(_("e-mail"), max_length=254, db_index=True)
    website = models.URLField(_("website"), max_length=600, blank=True)
    body = models.TextField(_("comment"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    is_staff_reply = models.BooleanField(_("staff reply"), default=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    ip_anonymised = models.BooleanField(default=False)
    user_agent_hash = models.CharField(max_length=16, blank=True)
    created_at = models.DateTimeField(_("date"), auto_now_add=True)
    spam_score = models.FloatField(_("spam score"), null=True, blank=True)
    # What the spam filter last learnt from this comment, so a changed mind
    # can be untrained exactly: "", "ham" or "spam".
    trained_as = models.CharField(max_length=4, blank=True)
    hold_reason = models.CharField(_("reason held"), max_length=200, blank=True)
    # Erased at its writer's request while other readers' replies hang from
    # it: the row stays, empty, so their thread keeps its shape (#13).
    erased = models.BooleanField(_("erased"), default=False)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["status", "-created_at"], name="comment_queue"),
            models.Index(
                fields=["article", "status", "created_at"], name="comment_thread"
            ),
            models.Index(fields=["root", "status"], name="comment_root"),
            models.Index(fields=["ip_anonymised", "created_at"], name="comment_ip_age"),
        ]

    def __str__(self):
        return f"{self.name}: {self.body[:40]}"


class CommentThread(models.Model):
    """Per-article comment switch and the published-comment count cards show."""

    page = models.OneToOneField(
        "articles.ArticlePage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="comment_thread",
    )
    is_open = models.BooleanField(_("comments open"), default=True)
    approved_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("comment thread")

    def __str__(self):
        return str(self.page_id)


class SpamModel(models.Model):
    """The newsroom's trained spam filter, one row, stored as JSON."""

    data = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"spam model {self.updated_at:%Y-%m-%d}"


def _lines_help():
    return _("One entry per line: words, names, e-mail addresses or IP addresses.")


@register_setting(icon="comment")
class CommentOptions(BaseSiteSetting):
    """How the newsroom wants readers' comments handled on this site."""

    newest_first = models.BooleanField(_("newest comments first"), default=False)
    max_depth = models.PositiveSmallIntegerField(
        _("maximum reply depth"), default=5, help_text=_("1 means no replies.")
    )
    per_page = models.PositiveSmallIntegerField(_("threads per page"), default=50)
    hold_all = models.BooleanField(_("hold every comment for approval"), default=False)
    approve_known = models.BooleanField(
        _("approve authors with an earlier approved comment"),
        default=True,
        help_text=_("Same name and e-mail address."),
    )
    max_links = models.PositiveSmallIntegerField(
        _("hold comments with more links than"), default=2
    )
    hold_list = models.TextField(_("hold list"), blank=True, help_text=_lines_help())
    block_list = models.TextField(
        _("block list"),
        blank=True,
        help_text=_(
            "Matching comments go straight to spam. One entry per line: "
            "words, names, e-mail addresses or IP addresses."
        ),
    )
    close_after_days = models.PositiveIntegerField(
        _("close comments after days"), default=0, help_text=_("0 means never.")
    )
    flood_seconds = models.PositiveIntegerField(
        _("seconds between comments from one reader"), default=15
    )
    min_fill_seconds = models.PositiveSmallIntegerField(
        _("minimum seconds to fill the form"), default=3
    )
    ip_retention_days = models.PositiveIntegerField(
        _("keep full IP addresses for days"), default=30
    )
    spam_hold_at = models.FloatField(_("spam score to hold"), default=0.5)
    spam_at = models.FloatField(_("spam score to mark as spam"), default=0.9)

    panels = [
        MultiFieldPanel(
            [FieldPanel("newest_first"), FieldPanel("max_depth"),
             FieldPanel("per_page"), FieldPanel("close_after_days")],
            heading=_("Display"),
        ),
        MultiFieldPanel(
            [FieldPanel("hold_all"), FieldPanel("approve_known"),
             FieldPanel("max_links"), FieldPanel("hold_list"),
             FieldPanel("block_list")],
            heading=_("Moderation"),
        ),
        MultiFieldPanel(
            [FieldPanel("flood_seconds"), FieldPanel("min_fill_seconds"),
             FieldPanel("spam_hold_at"), FieldPanel("spam_at"),
             FieldPanel("ip_retention_days")],
            heading=_("Spam and privacy"),
        ),
    ]  # fmt: skip

    class Meta:
        verbose_name = _("comment options")
