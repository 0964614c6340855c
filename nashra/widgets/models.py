"""Where the newsroom's widgets stand: one ordered list per area (#20)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from nashra.widgets.blocks import WidgetBlock
from nashra.widgets.forms import WidgetAreasForm


@register_setting(icon="placeholder")
class WidgetAreas(BaseSiteSetting):
    """The widgets of a site's sidebar and footer, in the order readers see them."""

    sidebar = StreamField(WidgetBlock(), verbose_name=_("sidebar"), blank=True)
    footer = StreamField(WidgetBlock(), verbose_name=_("footer"), blank=True)

    base_form_class = WidgetAreasForm
    panels = [FieldPanel("sidebar"), FieldPanel("footer")]

    class Meta:
        verbose_name = _("widgets")
        verbose_name_plural = _("widgets")
