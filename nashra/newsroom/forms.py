"""The editor review's decision forms, shown in Wagtail's workflow dialog (#14)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# What a browser's datetime-local field sends.
LOCAL_FORMAT = "%Y-%m-%dT%H:%M"


class ChangesForm(forms.Form):
    """Sending an article back: the writer needs to know what to change."""

    comment = forms.CharField(
        label=_("Note to the writer"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
    )


class ScheduleForm(forms.Form):
    """Approving for publication at a later time."""

    go_live_at = forms.DateTimeField(
        label=_("Publish at"),
        input_formats=[LOCAL_FORMAT, "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"],
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local"}, format=LOCAL_FORMAT
        ),
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
    )

    def clean_go_live_at(self):
        when = self.cleaned_data["go_live_at"]
        if when <= timezone.now():
            raise forms.ValidationError(
                _("Choose a time in the future, or approve to publish now.")
            )
        return when


class CodeForm(forms.Form):
    """The second step of signing in, and the check that enrolment worked."""

    code = forms.CharField(
        label=_("Code from your app"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "dir": "ltr"}
        ),
    )
