from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from nashra.articles.models import Author, Tag


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
# Breaking news has no menu of its own: it is a switch on the article, with
# the article's publish and revisions (#14); Breaking is the ticker's index.
