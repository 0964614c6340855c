"""The widget areas' form: custom HTML is for staff trusted with it, the
same permission the front page's custom HTML block asks for (#4, #20)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

# The home app's permission, named not imported: home sits above this app.
PERMISSION = "home.edit_custom_html"
AREAS = ("sidebar", "footer")


def html_blocks(stream):
    """The custom HTML of a stored or submitted area, order-insensitive."""
    return sorted(
        str(block["value"].get("html", ""))
        for block in (stream or [])
        if block.get("type") == "custom_html" and isinstance(block.get("value"), dict)
    )


class WidgetAreasForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        user = self.for_user
        if user is not None and user.has_perm(PERMISSION):
            return cleaned
        for area in AREAS:
            stream = cleaned.get(area)
            if stream is None:
                continue
            stored = getattr(self.instance, area) if self.instance.pk else None
            before = html_blocks(stored.raw_data) if stored is not None else []
            if html_blocks(stream.get_prep_value()) != before:
                self.add_error(
                    area,
                    _("Only staff allowed to edit custom HTML may add or change a "
                      "custom HTML block."),
                )  # fmt: skip
        return cleaned
