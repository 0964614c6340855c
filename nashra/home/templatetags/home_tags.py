from django import template
from django.utils.safestring import mark_safe

from nashra.articles import breaking
from nashra.articles.blocks import sanitise_html
from nashra.core import fragments

register = template.Library()


@register.filter
def sanitised(html):
    """Staff HTML cleaned again at output, whatever is stored (#4)."""
    return mark_safe(sanitise_html(str(html or "")))  # noqa: S308  (nh3 output)


@register.simple_tag(takes_context=True)
def front_block(context, block):
    """One front-page block: its kept HTML, or home/blocks/<kind>.html
    rendered as {% include %} would, then kept when it may be (#12)."""
    if "rendered" in block:
        return mark_safe(block["rendered"])  # noqa: S308  (rendered by us)
    name = f"home/blocks/{block['kind']}.html"
    found = context.template.engine.get_template(name)
    values = {"block": block, "value": block["value"], "articles": block["articles"]}
    with context.push(number=block["number"], **values):
        html = found.render(context)
    if block.get("fragment"):
        # A breaking badge in the block goes when its flag does (#14).
        timeout = breaking.lifetime(block["articles"])
        fragments.keep(block["fragment"], str(html), timeout=timeout)
    return html
