"""The editor's note on the writer's screen, the two-factor screens (#14)."""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import WorkflowState

from nashra.newsroom import views


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


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("two-factor/verify/", views.verify, name="newsroom_2fa_verify"),
        path("two-factor/setup/", views.setup, name="newsroom_2fa_setup"),
        path("two-factor/codes/", views.recovery_codes, name="newsroom_2fa_codes"),
        path("two-factor/off/", views.turn_off, name="newsroom_2fa_off"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("newsroom_2fa_setup"),
        "label": _("Two-factor sign-in"),
        "help_text": _("A code from your phone after your password."),
    }
