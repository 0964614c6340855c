"""The admin's login form, with a label Wagtail forgot to give (#12).

Wagtail's LoginForm redeclares the password field without a label, so
Django falls back to the field's name and every editor reads "Password"
on an Arabic login page.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    """Wagtail's login form with a translatable password label."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
