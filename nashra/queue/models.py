"""Which task workers are alive, so a dead one's job can be run again (#14)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class QueueWorker(models.Model):
    """A task worker that is running now: it writes `seen_at` every heartbeat."""

    worker_id = models.CharField(_("worker"), max_length=64, primary_key=True)
    host = models.CharField(_("host"), max_length=255)
    pid = models.PositiveIntegerField(_("process"))
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    seen_at = models.DateTimeField(_("last seen"))

    class Meta:
        verbose_name = _("task worker")
        verbose_name_plural = _("task workers")

    def __str__(self):
        return f"{self.host}:{self.pid}"
