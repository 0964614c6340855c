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
    """The script that runs the ad code, only on a page that shows a slot."""
    if not getattr(context.get("request"), RENDERED, False):
        return ""
    return format_html(
        '{}<script type="module" src="{}"></script>',
        consent_banner(context),
        static("ads/ads.js"),
    )
