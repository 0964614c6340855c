"""Newsletters in the Wagtail admin: lists, editions, preview and sends (#19)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from nashra.newsletters import admin_urls
from nashra.newsletters.admin_views import may_send
from nashra.newsletters.models import Edition, NewsletterList, Status


class NewsletterListViewSet(SnippetViewSet):
    model = NewsletterList
    icon = "mail"
    menu_label = _("Lists")
    list_display = ["name", "kind", "active"]


class EditionViewSet(SnippetViewSet):
    model = Edition
    icon = "doc-full"
    menu_label = _("Editions")
    list_display = ["subject", "newsletter", "status", "send_at", "sent_at"]
    list_filter = ["status", "newsletter"]


class NewslettersGroup(SnippetViewSetGroup):
    items = (EditionViewSet, NewsletterListViewSet)
    menu_icon = "mail"
    menu_label = _("Newsletters")
    menu_order = 260


register_snippet(NewslettersGroup)


@hooks.register("register_admin_urls")
def newsletter_admin_urls():
    return [path("newsletters/", include(admin_urls, namespace="newsletters_admin"))]


@hooks.register("register_snippet_listing_buttons")
def edition_buttons(snippet, user, next_url=None):
    if not isinstance(snippet, Edition) or not may_send(user):
        return []
    buttons = [
        Button(_("Preview"), reverse("newsletters_admin:preview", args=[snippet.pk]),
               icon_name="view", priority=10),
    ]  # fmt: skip
    if snippet.status in (Status.DRAFT, Status.SCHEDULED):
        buttons.append(
            Button(_("Test and send"), reverse("newsletters_admin:send", args=[snippet.pk]),
                   icon_name="mail", priority=20)
        )  # fmt: skip
    return buttons


@hooks.register("register_snippet_listing_buttons")
def list_buttons(snippet, user, next_url=None):
    if not isinstance(snippet, NewsletterList) or not may_send(user):
        return []
    url = reverse("newsletters_admin:draft", args=[snippet.pk])
    return [Button(_("New edition from today's stories"), url, icon_name="plus")]
