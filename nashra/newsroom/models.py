"""Which Django group plays which newsroom role (#14).

The groups are the roles: their names and permissions are the chief
editor's to edit in the admin. This row only remembers which group is the
contributor, the editor… so `nashra adduser --role editor` still finds it
after a rename, and whether the roles migration made it (and so may remove it).
"""

from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class RoleKey(models.TextChoices):
    CONTRIBUTOR = "contributor", _("contributor")
    AUTHOR = "author", _("author")
    EDITOR = "editor", _("editor")
    CHIEF_EDITOR = "chief-editor", _("chief editor")
    MODERATOR = "moderator", _("comment moderator")


class Role(models.Model):
    key = models.CharField(_("role"), max_length=20, choices=RoleKey.choices)
    group = models.OneToOneField(
        Group,
        verbose_name=_("group"),
        on_delete=models.CASCADE,
        related_name="newsroom_role",
    )
    # A section-scoped editor: the group's page permissions sit on this page.
    section = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("section"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    seeded = models.BooleanField(
        _("made by the roles migration"), default=False, editable=False
    )

    class Meta:
        verbose_name = _("newsroom role")
        verbose_name_plural = _("newsroom roles")
        constraints = [
            models.UniqueConstraint(
                fields=["key"],
                condition=Q(section__isnull=True),
                name="newsroom_one_site_wide_role",
            ),
            models.UniqueConstraint(
                fields=["key", "section"], name="newsroom_one_role_per_section"
            ),
        ]

    def __str__(self):
        return self.group.name
