"""The reader's subscribe form: an address, the lists, a honeypot (#19)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from nashra.text.comment_text import neutralise_invisible


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        error_messages={
            "required": _("Please write your e-mail address."),
            "invalid": _("This e-mail address does not look right."),
            "max_length": _("The e-mail address is too long."),
        },
    )
    lists = forms.TypedMultipleChoiceField(
        label=_("Newsletters"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Please choose from the newsletters shown.")
        },
    )
    # The honeypot: hidden from people, filled in by form-stuffing bots.
    homepage = forms.CharField(required=False, max_length=400)

    def __init__(self, *args, newsletters=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lists"].choices = [(n.pk, n.name) for n in newsletters]

    def clean_email(self):
        email = self.cleaned_data["email"]
        if neutralise_invisible(email) != email:
            raise forms.ValidationError(_("This e-mail address does not look right."))
        return email.lower()
