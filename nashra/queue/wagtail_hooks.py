"""The background job list in the admin's Settings menu (#14)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from nashra.queue import admin_urls
from nashra.queue.admin_views import may_see_jobs


@hooks.register("register_admin_urls")
def queue_admin_urls():
    return [path("jobs/", include(admin_urls, namespace="queue_admin"))]


class JobsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_jobs(request.user)


@hooks.register("register_settings_menu_item")
def jobs_menu_item():
    return JobsMenuItem(
        _("Background jobs"), reverse("queue_admin:jobs"), icon_name="cogs", order=900
    )
