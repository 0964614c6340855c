"""The live desk in the Wagtail admin: a menu item and a button on live pages (#15)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from nashra.live import admin_urls
from nashra.live.models import LivePage


@hooks.register("register_admin_urls")
def live_admin_urls():
    return [path("live/", include(admin_urls, namespace="live_admin"))]


@hooks.register("register_admin_menu_item")
def live_menu_item():
    return MenuItem(
        _("Live coverage"), reverse("live_admin:desks"), icon_name="radio-full",
        order=240,
    )  # fmt: skip


@hooks.register("register_page_header_buttons")
def live_desk_button(page, user, view_name=None, next_url=None):
    if page.specific_class is LivePage:
        yield Button(
            _("Live desk"), reverse("live_admin:desk", args=[page.pk]),
            icon_name="radio-full", priority=10,
        )  # fmt: skip
