from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedObject(models.Model):
    """What a WordPress record became here, so a re-run updates it instead of copying it.

    Keyed on the source site, the kind of record and its WordPress id (#7);
    the guid is a second key for exports whose ids were renumbered.
    """

    source = models.CharField(_("source site"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20)
    # The WordPress id, or the login/nicename for records that have none.
    wp_key = models.CharField(_("WordPress key"), max_length=255)
    guid = models.CharField(_("guid"), max_length=500, blank=True, db_index=True)
    # post_parent, so a [gallery] without ids finds its post's attachments.
    wp_parent = models.BigIntegerField(null=True, blank=True)
    # An attachment's file URL, for images found by src only.
    url = models.CharField(_("address"), max_length=500, blank=True, db_index=True)
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE
    )
    object_id = models.BigIntegerField(null=True, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    checksum = models.CharField(_("checksum"), max_length=64)
    # Links or images waiting for every post to exist (the second pass).
    pending = models.BooleanField(default=False, db_index=True)
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        verbose_name = _("imported WordPress record")
        verbose_name_plural = _("imported WordPress records")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "wp_key"], name="importers_unique_record"
            )
        ]
        indexes = [models.Index(fields=["source", "kind", "wp_parent"])]

    def __str__(self):
        return f"{self.kind} {self.wp_key} ({self.source})"
