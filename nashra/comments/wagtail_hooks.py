"""The moderation queue in the Wagtail admin menu, and a comments button on articles."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from nashra.comments import admin_urls


@hooks.register("register_admin_urls")
def comment_admin_urls():
    return [path("comments/", include(admin_urls, namespace="comments_admin"))]


class QueueMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("comments.change_comment")


@hooks.register("register_admin_menu_item")
def comment_menu_item():
    return QueueMenuItem(
        _("Comments"), reverse("comments_admin:queue"), icon_name="comment", order=250
    )


@hooks.register("register_permissions")
def comment_permissions():
    return Permission.objects.filter(
        content_type__app_label="comments", codename="change_comment"
    )


@hooks.register("register_page_header_buttons")
def comment_thread_button(page, user, view_name=None, next_url=None):
    if page.specific_class.__name__ != "ArticlePage":
        return
    if not user.has_perm("comments.change_comment"):
        return
    yield Button(
        _("Comments"),
        reverse("comments_admin:thread", args=[page.pk]),
        icon_name="comment",
        priority=80,
    )
