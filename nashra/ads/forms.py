"""The ad slot form: ad code runs on every reader's page, so only staff
trusted with it may add or change it, as with custom HTML blocks (#4, #20)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

CODE_PERMISSION = "ads.edit_ad_code"


class AdSlotForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        user = self.for_user
        if user is not None and user.has_perm(CODE_PERMISSION):
            return cleaned
        before = (
            (self.instance.code, self.instance.hosts) if self.instance.pk else ("", "")
        )
        after = (cleaned.get("code", ""), cleaned.get("hosts", ""))
        if after != before:
            self.add_error(
                "code", _("Only staff allowed to edit ad code may add or change it.")
            )
        return cleaned
