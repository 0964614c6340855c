"""{% ad_slot "placement" %} where a template offers ad slots, and
{% ads_loader %} at the end of the body, for pages that have any (#20)."""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html

from nashra.ads.render import RENDERED, consent_banner, render_slots

register = template.Library()


@register.simple_tag(takes_context=True)
def ad_slot(context, placement, after=None):
    """The slots of ``placement`` for this page; ``after`` the home block."""
    return render_slots(context, placement, after)


@register.simple_tag(takes_context=True)
def ads_loader(context):
    """Where the script that runs the ad code is, only on a page that shows a
    slot. site.js fetches it after the load event: a script tag would be
    fetched with the page's own files, ahead of its lead picture (#12)."""
    if not getattr(context.get("request"), RENDERED, False):
        return ""
    return format_html(
        '{}<span hidden data-ads-script="{}"></span>',
        consent_banner(context),
        static("ads/ads.js"),
    )
