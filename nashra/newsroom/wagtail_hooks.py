"""The editor's note on the writer's screen (#14)."""

from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import WorkflowState


@hooks.register("before_edit_page")
def show_requested_changes(request, page):
    """An article sent back shows the editor's note above the editor's form."""
    if request.method != "GET":
        return
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return
    decision = state.current_task_state
    if decision is None or not decision.comment:
        return
    editor = decision.finished_by
    messages.warning(
        request,
        _("%(editor)s asked for changes: %(note)s")
        % {
            "editor": (editor.get_full_name() or editor.get_username())
            if editor
            else _("The editor"),
            "note": decision.comment,
        },
    )
