"""The reader's comment form: bounded lengths and Arabic messages per field (#3)."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from nashra.text.comment_text import clean_comment, neutralise_invisible, safe_website

MAX_NAME = 80
MAX_EMAIL = 254
MAX_WEBSITE = 200
MAX_BODY = 5000
# A name is shown as text, never as a link or markup: refusing "<" and URLs
# here keeps spammers' anchors out of the only field rendered unlinked.
_NAME_REFUSED = re.compile(r"[<>]|https?:|www\.|javascript:", re.IGNORECASE)


def _required(message):
    return {"required": message}


class CommentForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=MAX_NAME,
        error_messages={
            **_required(_("Please write your name.")),
            "max_length": _("Your name can be at most %(limit_value)d characters."),
        },
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=MAX_EMAIL,
        error_messages={
            **_required(_("Please write your e-mail address.")),
            "invalid": _("This e-mail address does not look right."),
            "max_length": _("The e-mail address is too long."),
        },
    )
    website = forms.CharField(
        label=_("Website"),
        required=False,
        max_length=MAX_WEBSITE,
        error_messages={"max_length": _("The website address is too long.")},
    )
    body = forms.CharField(
        label=_("Comment"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=MAX_BODY,
        strip=False,
        error_messages={
            **_required(_("Please write your comment.")),
            "max_length": _(
                "Your comment can be at most %(limit_value)d characters "
                "(it has %(show_value)d)."
            ),
        },
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)
    token = forms.CharField(required=False, widget=forms.HiddenInput, max_length=400)
    # The honeypot: hidden from people, filled in by form-stuffing bots.
    homepage = forms.CharField(required=False, max_length=400)

    def clean_name(self):
        name = " ".join(neutralise_invisible(self.cleaned_data["name"]).split())
        if not name:
            raise forms.ValidationError(_("Please write your name."))
        if _NAME_REFUSED.search(name):
            raise forms.ValidationError(
                _("A name cannot contain links or the characters < and >.")
            )
        return name

    def clean_email(self):
        email = self.cleaned_data["email"]
        if neutralise_invisible(email) != email:
            raise forms.ValidationError(_("This e-mail address does not look right."))
        return email.lower()

    def clean_website(self):
        raw = self.cleaned_data["website"].strip()
        if not raw:
            return ""
        url = safe_website(raw)
        if url is None:
            raise forms.ValidationError(
                _("Please give a website address starting with http:// or https://.")
            )
        return url

    def clean_body(self):
        body = clean_comment(self.cleaned_data["body"], max_chars=MAX_BODY)
        if not body:
            raise forms.ValidationError(_("Please write your comment."))
        return body
