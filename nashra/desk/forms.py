"""The planning desk's filters, read from the query string (#14)."""

from datetime import datetime, time, timedelta

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nashra.desk import plan
from nashra.sections.models import SectionPage

DAY = "day"
WEEK = "week"
SPANS = {DAY: 1, WEEK: 7}


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class DeskFilters(forms.Form):
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    span = forms.ChoiceField(
        label=_("Range"),
        required=False,
        choices=[(DAY, _("One day")), (WEEK, _("One week"))],
    )
    section = forms.ModelChoiceField(
        label=_("Section"),
        required=False,
        queryset=SectionPage.objects.order_by("title"),
        empty_label=_("All sections"),
    )
    person = PersonChoice(
        label=_("Person"),
        required=False,
        queryset=get_user_model().objects.filter(is_staff=True).order_by("username"),
        empty_label=_("Everyone"),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Every status")), *plan.STATUSES.items()],
    )

    def range(self):
        """[start, end) as aware datetimes at local midnight, and the span."""
        data = self.cleaned_data
        day = data.get("start") or timezone.localdate()
        span = data.get("span") or DAY
        zone = timezone.get_current_timezone()
        start = timezone.make_aware(datetime.combine(day, time.min), zone)
        end_day = day + timedelta(days=SPANS[span])
        end = timezone.make_aware(datetime.combine(end_day, time.min), zone)
        return start, end, day, span
