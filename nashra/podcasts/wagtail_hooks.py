from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from nashra.podcasts.models import Episode, Podcast


class PodcastViewSet(SnippetViewSet):
    model = Podcast
    icon = "media"
    menu_label = _("Shows")
    list_display = ["title", "category", "author"]
    search_fields = ["title"]


class EpisodeViewSet(SnippetViewSet):
    model = Episode
    icon = "media"
    menu_label = _("Episodes")
    list_display = ["__str__", "podcast", "season", "number", "duration"]
    list_filter = ["podcast"]

    def get_queryset(self, request):
        # The listing names each episode by its story: one query, not one a row.
        return Episode.objects.select_related("article", "podcast")


class PodcastsGroup(SnippetViewSetGroup):
    items = (PodcastViewSet, EpisodeViewSet)
    menu_icon = "media"
    menu_label = _("Podcasts")
    menu_order = 750


register_snippet(PodcastsGroup)
