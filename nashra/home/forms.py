"""The home page edit form: custom HTML is for staff trusted with it (#4)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

PERMISSION = "home.edit_custom_html"


def _html_blocks(stream):
    return sorted(
        str(block["value"].get("html", ""))
        for block in (stream or [])
        if block.get("type") == "custom_html" and isinstance(block.get("value"), dict)
    )


class HomePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        body = cleaned.get("body")
        user = self.for_user
        if body is None or (user is not None and user.has_perm(PERMISSION)):
            return cleaned
        before = _html_blocks(self.instance.body.raw_data) if self.instance.pk else []
        after = _html_blocks(body.get_prep_value())
        if after != before:
            self.add_error(
                "body",
                _("Only staff allowed to edit custom HTML may add or change a "
                  "custom HTML block."),
            )  # fmt: skip
        return cleaned
