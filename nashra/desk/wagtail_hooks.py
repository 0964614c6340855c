"""The planning desk in the admin menu, and the desk's dashboard panels (#14)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from nashra.desk import panels, views
from nashra.desk.access import may_use_desk


@hooks.register("register_admin_urls")
def desk_urls():
    return [path("desk/", views.desk, name="desk")]


class DeskMenuItem(MenuItem):
    def is_shown(self, request):
        return may_use_desk(request.user)


@hooks.register("register_admin_menu_item")
def desk_menu_item():
    return DeskMenuItem(
        _("Planning desk"), reverse("desk"), icon_name="calendar", order=150
    )


@hooks.register("construct_homepage_panels")
def desk_panels(request, found):
    # Ahead of Wagtail's own panels: what to do next comes first. Wagtail's
    # "awaiting your review" would list the same reviews a second time.
    found[:] = [
        panels.NewArticlePanel(),
        panels.MyDeskPanel(),
        # Panels of other apps (the licence notice) need not have a name.
        *(
            p
            for p in found
            if getattr(p, "name", None) != "workflow_objects_to_moderate"
        ),
    ]
