from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from nashra.articles.models import Author, Breaking, Tag


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = _("Authors")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "role", "slug"]
    search_fields = ["name"]


class TagViewSet(SnippetViewSet):
    model = Tag
    icon = "tag"
    menu_label = _("Tags")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]
    panels = ["name", "slug"]


register_snippet(AuthorViewSet)
register_snippet(TagViewSet)


class BreakingViewSet(SnippetViewSet):
    model = Breaking
    icon = "warning"
    menu_label = _("Breaking news")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["page", "until"]
    # The admin addresses editors knew when breaking news was the theme's (#13).
    url_prefix = "theme/breaking"
    admin_url_namespace = "wagtailsnippets_theme_breaking"


register_snippet(BreakingViewSet)
