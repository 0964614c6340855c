"""Newsletter lists, their readers, editions and the send ledger (#19)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable


class Kind(models.TextChoices):
    DIGEST = "digest", _("Daily digest")
    SECTION = "section", _("Section digest")
    BREAKING = "breaking", _("Breaking news")


class NewsletterList(models.Model):
    """A list readers subscribe to: the morning digest, a section's weekly…"""

    name = models.CharField(_("name"), max_length=120)
    description = models.CharField(_("description"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    section = models.ForeignKey(
        "sections.SectionPage",
        verbose_name=_("section"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For a section digest: the section its stories come from."),
    )
    active = models.BooleanField(_("offered to readers"), default=True)
    on_articles = models.BooleanField(
        _("in the form on articles"),
        default=True,
        help_text=_("The short form under articles subscribes to these lists."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"), FieldPanel("description"), FieldPanel("kind"),
        FieldPanel("section"), FieldPanel("active"), FieldPanel("on_articles"),
        FieldPanel("sort_order"),
    ]  # fmt: skip

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("newsletter")
        verbose_name_plural = _("newsletters")

    def __str__(self):
        return self.name


class Subscriber(models.Model):
    """One reader's address; it is never shown on any public page."""

    email = models.EmailField(_("e-mail"), max_length=254, unique=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    suppressed_at = models.DateTimeField(_("suppressed at"), null=True, blank=True)
    suppressed_reason = models.CharField(
        _("suppressed because"), max_length=40, blank=True
    )

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")

    def __str__(self):
        return self.email


class Subscription(models.Model):
    """A subscriber on one list; only a confirmed one is ever sent an edition."""

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="subscriptions"
    )
    newsletter = models.ForeignKey(
        NewsletterList, on_delete=models.CASCADE, related_name="subscriptions"
    )
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "newsletter"], name="one_subscription_per_list"
            )
        ]

    def __str__(self):
        return f"{self.subscriber_id} → {self.newsletter_id}"


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")


class Edition(ClusterableModel):
    """One issue of a newsletter: its stories in the editor's order and a note."""

    newsletter = models.ForeignKey(
        NewsletterList, verbose_name=_("newsletter"), on_delete=models.PROTECT,
        related_name="editions",
    )  # fmt: skip
    subject = models.CharField(_("subject"), max_length=200)
    note = models.TextField(_("editor's note"), blank=True)
    breaking = models.ForeignKey(
        "articles.ArticlePage", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", editable=False,
    )  # fmt: skip
    send_at = models.DateTimeField(
        _("send at"), null=True, blank=True,
        help_text=_("Leave empty and use Send to send it now."),
    )  # fmt: skip
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT,
        editable=False,
    )  # fmt: skip
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True, editable=False)
    # The ledger holds every recipient: a resumed send adds none (#19).
    prepared = models.BooleanField(default=False, editable=False)

    panels = [
        FieldPanel("newsletter"), FieldPanel("subject"), FieldPanel("note"),
        InlinePanel("stories", label=_("stories")), FieldPanel("send_at"),
    ]  # fmt: skip

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        constraints = [
            models.UniqueConstraint(
                fields=["newsletter", "breaking"], name="one_alert_per_article"
            )
        ]

    def __str__(self):
        return self.subject


class EditionStory(Orderable):
    """An article in an edition, in the place the editor gave it."""

    edition = ParentalKey(Edition, on_delete=models.CASCADE, related_name="stories")
    article = models.ForeignKey(
        "articles.ArticlePage", verbose_name=_("article"), on_delete=models.CASCADE,
        related_name="+",
    )  # fmt: skip

    panels = [FieldPanel("article")]


class Batch(models.Model):
    """A run of ledger rows sent by one job; made in the transaction that
    queues the job, so a resumed preparation never queues a run twice."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE)
    number = models.PositiveIntegerField()
    first_id = models.BigIntegerField()
    last_id = models.BigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["edition", "number"], name="one_batch")
        ]

    def __str__(self):
        return f"{self.edition_id}/{self.number}"


class Delivery(models.Model):
    """The send ledger: one row per edition and recipient, written before the
    first message goes and marked sent as each one is accepted (#19)."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE)
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE)
    sent_at = models.DateTimeField(null=True, blank=True)
    skipped = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "subscriber"], name="one_delivery_per_recipient"
            )
        ]
        indexes = [models.Index(fields=["edition", "sent_at", "id"])]

    def __str__(self):
        return f"{self.edition_id}/{self.subscriber_id}"
