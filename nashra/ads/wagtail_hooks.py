from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from nashra.ads.models import AdSlot


class AdSlotViewSet(SnippetViewSet):
    model = AdSlot
    icon = "image"
    menu_label = _("Ad slots")
    add_to_admin_menu = True
    menu_order = 800
    list_display = ["name", "placement", "kind", "live", "starts_at", "ends_at"]
    list_filter = ["placement", "kind", "live"]


register_snippet(AdSlotViewSet)
