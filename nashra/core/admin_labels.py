"""Labels for the Wagtail admin fields and columns Wagtail leaves unlabelled (#12).

Without a label, Django and Wagtail print the attribute's name made pretty
("Page", "Port", "Site name", "Root page"), which no catalogue can
translate. This is the one module that reaches into Wagtail's forms and
views for it; tests/test_admin_labels.py fails if an upgrade moves them.
"""

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.workflows import WorkflowPageForm
from wagtail.models import Site
from wagtail.sites.views import IndexView as SiteIndexView
from wagtail.users.forms import PagePermissionsForm

# Columns of the Sites list labelled from Site's own (translated) field names.
SITE_COLUMNS = ("port", "site_name", "root_page")


def label_wagtail_admin():
    """Give Wagtail's unlabelled admin fields and columns translatable labels."""
    for form in (PagePermissionsForm, WorkflowPageForm):
        form.base_fields["page"].label = _("Page")
    for column in SiteIndexView.columns:
        if column.name in SITE_COLUMNS:
            column.label = capfirst(Site._meta.get_field(column.name).verbose_name)
