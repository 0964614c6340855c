"""Forms for the newsroom's moderation screens (#3)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from nashra.comments.forms import MAX_BODY
from nashra.comments.models import Comment
from nashra.text.comment_text import clean_comment, safe_website


class EditCommentForm(forms.ModelForm):
    website = forms.CharField(label=_("Website"), required=False, max_length=200)

    class Meta:
        model = Comment
        fields = ["name", "email", "website", "body", "status"]

    def clean_website(self):
        raw = (self.cleaned_data.get("website") or "").strip()
        if raw and safe_website(raw) is None:
            raise forms.ValidationError(_("Only http:// and https:// addresses."))
        return safe_website(raw) if raw else ""

    def clean_body(self):
        body = self.cleaned_data["body"]
        if len(body) > MAX_BODY:
            raise forms.ValidationError(_("At most 5,000 characters."))
        return clean_comment(body, max_chars=MAX_BODY)


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=MAX_BODY,
    )

    def clean_body(self):
        body = clean_comment(self.cleaned_data["body"], max_chars=MAX_BODY)
        if not body:
            raise forms.ValidationError(_("Please write your reply."))
        return body


class EmailLookupForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
