from django import template

from nashra.push.keys import public_key
from nashra.sections.models import SectionPage

register = template.Library()


@register.inclusion_tag("push/optin.html")
def push_optin():
    """The one-click opt-in: a button, never a prompt on arrival (#19)."""
    sections = SectionPage.objects.live().order_by("path").only("id", "title")
    return {"key": public_key(), "sections": list(sections)}
