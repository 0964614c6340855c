"""The licence notice staff see until the site's theme key is valid (#4).

Readers and crawlers never see it: it is only computed for signed-in staff,
and the theme middleware marks every signed-in response private, no-store,
so no shared cache can keep a copy with the notice in it.
"""

from django.urls import reverse
from django.utils import timezone

from nashra.theme import licences
from nashra.theme.registry import get_theme


def licence_status(site_theme, hostname, today=None):
    """(theme, LicenceCheck) for the site's chosen theme; check is None when
    the theme needs no licence."""
    theme = get_theme(site_theme.theme)
    if not theme.needs_licence:
        return theme, None
    check = licences.verify_licence(
        site_theme.licence_key or "",
        public_key_b64=theme.public_key,
        theme=theme.key,
        domain=hostname,
        today=today or timezone.localdate(),
    )
    return theme, check


def options_url(site_id):
    return reverse("wagtailsettings:edit", args=["theme", "themeoptions", site_id])


def staff_notice(request, site, site_theme):
    """A dict for the notice template, or None when nothing is to be said."""
    user = getattr(request, "user", None)
    if site is None or user is None or not user.is_authenticated:
        return None
    if not (user.is_staff or user.has_perm("wagtailadmin.access_admin")):
        return None
    theme, check = licence_status(site_theme, site.hostname)
    if check is None or check.ok:
        return None
    return {"theme": theme, "reason": check.reason, "url": options_url(site.pk)}
