"""The foundation's only table: marks every worker sees (#17)."""

from django.db import models


class Mark(models.Model):
    """A named, short-lived fact shared by every process: a spent comment
    form token, a commenter's flood window, a scheduler's lock."""

    name = models.CharField(max_length=200, primary_key=True)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return self.name
