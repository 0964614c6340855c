"""The search form: whatever arrives in the query string, it never fails (#5)."""

from datetime import datetime, time, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nashra.core.privacy import exclude_private
from nashra.search.backends import Filters
from nashra.sections.models import SectionPage

# Longer input is pasted text, not a query; parse_query keeps fewer still.
MAX_QUERY_INPUT = 1000
ORDER_CHOICES = [("relevance", _("Most relevant")), ("newest", _("Newest first"))]


def _sections():
    return exclude_private(SectionPage.objects.live()).order_by("path")


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), required=False)
    section = forms.TypedChoiceField(
        label=_("Section"), required=False, coerce=int, empty_value=None
    )
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sort = forms.ChoiceField(label=_("Sort"), required=False, choices=ORDER_CHOICES)

    def __init__(self, query_dict, *args, **kwargs):
        data = {
            # A NUL byte would be refused by PostgreSQL and by the form.
            key: query_dict.get(key, "")[:MAX_QUERY_INPUT].replace("\x00", "")
            for key in self.base_fields
        }
        super().__init__(data, *args, **kwargs)
        self.sections = list(_sections().only("pk", "title", "path", "depth"))
        self.fields["section"].choices = [("", _("All sections"))] + [
            (section.pk, section.title) for section in self.sections
        ]
        self.is_valid()  # keeps the valid fields in cleaned_data, drops the rest

    @property
    def query(self) -> str:
        return self.cleaned_data.get("q") or ""

    @property
    def order(self) -> str:
        return self.cleaned_data.get("sort") or "relevance"

    @property
    def is_filtered(self) -> bool:
        return any(
            self.cleaned_data.get(key) for key in ("section", "date_from", "date_to")
        )

    def filters(self) -> Filters:
        section_ids = ()
        chosen = self.cleaned_data.get("section")
        for section in self.sections:
            if section.pk == chosen:
                # A section includes its subsections.
                section_ids = tuple(
                    other.pk
                    for other in self.sections
                    if other.path.startswith(section.path)
                )
        return Filters(
            section_ids=section_ids,
            published_from=_start_of(self.cleaned_data.get("date_from")),
            published_before=_start_of(self.cleaned_data.get("date_to"), days=1),
        )


def _start_of(day, days=0):
    """Midnight in the site's time zone, ``days`` after ``day``."""
    if day is None:
        return None
    try:
        moment = datetime.combine(day + timedelta(days=days), time())
    except OverflowError:  # 9999-12-31 plus a day
        return None
    return timezone.make_aware(moment)
