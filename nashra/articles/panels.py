"""The article editor's parts that only some roles may touch (#14).

Wagtail drops a FieldPanel's field for a user without its ``permission``,
but an InlinePanel has no such option: hiding it would still accept its
formset from a hand-made POST. Here the form leaves out the formsets its
user may not edit, and their panels disappear with them.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import InlinePanel

from nashra.articles import corrections


class PermissionedInlinePanel(InlinePanel):
    """An InlinePanel shown only when its formset is in the form."""

    class BoundPanel(InlinePanel.BoundPanel):
        def __init__(self, **kwargs):
            form = kwargs.get("form")
            relation = kwargs["panel"].relation_name
            self.missing = form is not None and relation not in form.formsets
            if self.missing:
                # As the base __init__ would, minus the formset it cannot find.
                kwargs["form"] = None
            super().__init__(**kwargs)

        def is_shown(self):
            return not self.missing and super().is_shown()


# Parts of the article page a story may go without (#21), in page order.
HIDDEN_PARTS = [
    ("tags", _("Tags")),
    ("author_box", _("Author box")),
    ("share", _("Share buttons")),
    ("neighbours", _("Previous and next stories")),
    ("related", _("Related stories")),
]


class ArticlePageForm(WagtailAdminPageForm):
    """The article form, without the child rows its user may not edit."""

    # A list of part names, ticked in the promote tab (#21).
    hidden_parts = forms.MultipleChoiceField(
        label=_("hide on this article"), choices=HIDDEN_PARTS, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip

    # Relation name -> the permission it needs.
    formset_permissions = {"corrections": corrections.PERMISSION}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        for relation, permission in self.formset_permissions.items():
            if user is None or not user.has_perm(permission):
                self.formsets.pop(relation, None)
            elif self.is_bound and f"{relation}-TOTAL_FORMS" not in self.data:
                # A POST that never showed the notes (an older form, a script)
                # leaves them as they are instead of failing as a whole.
                self.formsets.pop(relation, None)
        # The same for the gallery's photos and the story format (#20): a
        # form posted before they existed keeps the story's own.
        if self.is_bound:
            if "gallery_photos-TOTAL_FORMS" not in self.data:
                self.formsets.pop("gallery_photos", None)
            if "format" in self.fields and "format" not in self.data:
                self.fields["format"].required = False

    def clean_format(self):
        return self.cleaned_data.get("format") or self.instance.format or "standard"
