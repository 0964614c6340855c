"""The editor's note on the writer's screen, the two-factor screens (#14)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import WorkflowState

from nashra.newsroom import sharing, views
from nashra.newsroom.publishing import NewsroomPermissionTester


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


@hooks.register("before_create_page")
def writers_create_articles_only(request, parent_page, page_class):
    # The page-type list still offers a section's other types (Wagtail asks
    # the class, not the user); the form itself is refused.
    if not NewsroomPermissionTester(request.user, parent_page).may_create(page_class):
        raise PermissionDenied


@hooks.register("construct_page_chooser_queryset")
def chooser_hides_others_drafts(pages, request):
    return sharing.only_visible(pages, request.user)
