"""Admin side of the theme: the licence notice (#4)."""

from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.ui.components import Component

from nashra.theme.notice import staff_notice
from nashra.theme.options import site_theme


class LicenceNoticePanel(Component):
    """Dashboard panel shown until the site's theme has a valid key."""

    order = 10

    def __init__(self, notice):
        self.notice = notice

    def render_html(self, parent_context=None):
        return format_html(
            '<section class="nashra-licence-notice help-block help-warning" '
            'data-staff-notice><p>{} <a href="{}">{}</a></p></section>',
            _("The theme “%(name)s” needs a valid licence key for this domain.")
            % {"name": self.notice["theme"].name},
            self.notice["url"],
            _("Open the theme options"),
        )


@hooks.register("construct_homepage_panels")
def add_licence_notice(request, panels):
    from wagtail.models import Site

    for site in Site.objects.all():
        notice = staff_notice(request, site, site_theme(site))
        if notice:
            panels.insert(0, LicenceNoticePanel(notice))
            break
