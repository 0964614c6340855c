"""Which Django group plays which newsroom role, and the editor review (#14).

The groups are the roles: their names and permissions are the chief
editor's to edit in the admin. This row only remembers which group is the
contributor, the editor… so `nashra adduser --role editor` still finds it
after a rename, and whether the roles migration made it (and so may remove it).
"""

from django.contrib.auth.models import Group
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Task, TaskState

from nashra.newsroom.forms import ChangesForm, ScheduleForm
from nashra.newsroom.publishing import may_review


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


class EditorReviewTask(Task):
    """The editor review step: the article's section editors approve it,
    schedule it, or send it back to the writer with a note (#14)."""

    admin_form_fields = ["name"]

    class Meta:
        verbose_name = _("editor review")
        verbose_name_plural = _("editor reviews")

    @classmethod
    def get_description(cls):
        return _(
            "The editors who may publish the article approve it, publish it "
            "at a time, or ask its writer for changes."
        )

    def user_can_access_editor(self, obj, user):
        return may_review(obj, user)

    def locked_for_user(self, obj, user):
        # The text under review stays as submitted until the editor decides.
        return not may_review(obj, user)

    def user_can_lock(self, obj, user):
        return may_review(obj, user)

    def get_actions(self, obj, user):
        if not may_review(obj, user):
            return []
        return [
            ("reject", _("Request changes"), True),
            ("approve", _("Approve and publish"), False),
            ("schedule", _("Approve and publish at…"), True),
            ("approve", _("Approve with comment"), True),
        ]

    def get_form_for_action(self, action):
        if action == "reject":
            return ChangesForm
        if action == "schedule":
            return ScheduleForm
        return super().get_form_for_action(action)

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name != "schedule":
            return super().on_action(task_state, user, action_name, **kwargs)
        # The workflow publishes the latest revision when it finishes, and a
        # revision whose go-live time is ahead is scheduled instead (#2).
        go_live_at = kwargs.pop("go_live_at")
        revision = task_state.workflow_state.content_object.get_latest_revision()
        revision.content["go_live_at"] = go_live_at.isoformat()
        revision.save(update_fields=["content"])
        task_state.approve(user=user, **kwargs)
        return None

    def get_task_states_user_can_moderate(self, user, **kwargs):
        waiting = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        states = list(waiting.select_related("workflow_state"))
        pages = Page.objects.in_bulk(
            {int(state.workflow_state.object_id) for state in states}
        )
        mine = [
            state.pk
            for state in states
            if (page := pages.get(int(state.workflow_state.object_id)))
            and may_review(page, user)
        ]
        return waiting.filter(pk__in=mine)
