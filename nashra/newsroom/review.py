"""Review before publishing: who is asked, and the e-mail that asks them (#14).

When a writer submits to the editor review, `ask_editors` is queued (the
submit never waits on mail); the worker finds the section's editors and
e-mails each a link to the article in the admin.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page, TaskState

from nashra.newsroom.models import EditorReviewTask, Role, RoleKey
from nashra.newsroom.publishing import may_review
from nashra.queue.background import background


def editors_for(page):
    """The section's editors: section-scoped editor roles whose section
    holds the page and the site-wide editors; the chief editors when there
    are none. Only active people with an address who may review the page."""
    roles = Role.objects.filter(key=RoleKey.EDITOR).select_related("section")
    groups = [
        role.group_id
        for role in roles
        if role.section is None or page.path.startswith(role.section.path)
    ]
    people = get_user_model().objects.filter(is_active=True).exclude(email="")
    editors = list(people.filter(groups__in=groups).distinct())
    if not editors:
        chiefs = Role.objects.filter(key=RoleKey.CHIEF_EDITOR, section=None)
        editors = list(
            people.filter(
                Q(groups__in=chiefs.values("group_id")) | Q(is_superuser=True)
            ).distinct()
        )
    return sorted(
        (user for user in editors if may_review(page, user)), key=lambda u: u.pk
    )


def review_email(state, page, editor, base_url):
    writer = state.workflow_state.requested_by
    context = {
        "page": page,
        "editor": editor,
        "writer": writer.get_full_name() or writer.get_username() if writer else "",
        "section": page.get_parent().title,
        "edit_url": base_url + reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "preview_url": base_url
        + reverse("wagtailadmin_pages:view_draft", args=[page.pk]),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    subject = _("Review requested: %(title)s") % {"title": page.title[:80]}
    body = render_to_string("newsroom/email_review_requested.txt", context)
    return EmailMessage(subject, body, None, [editor.email])


@background(label=gettext_lazy("Ask the editors to review an article"))
def ask_editors(task_state_id, base_url):
    """E-mail the editors of a submitted article; nothing once it is decided."""
    state = (
        TaskState.objects.filter(pk=task_state_id, status=TaskState.STATUS_IN_PROGRESS)
        .select_related("workflow_state__requested_by")
        .first()
    )
    if state is None:
        return 0
    page = Page.objects.get(pk=state.workflow_state.object_id).specific
    writer = state.workflow_state.requested_by
    messages = [
        review_email(state, page, editor, base_url)
        for editor in editors_for(page)
        if editor != writer
    ]
    return get_connection().send_messages(messages) or 0


def on_submitted(sender, instance, user=None, **kwargs):
    """Wagtail's task_submitted: queue the e-mail for an editor review."""
    if isinstance(instance.task.specific, EditorReviewTask):
        ask_editors.enqueue(instance.pk, settings.WAGTAILADMIN_BASE_URL)
