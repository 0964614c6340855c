"""`{% page_metadata %}`: canonical, OpenGraph, Twitter card, JSON-LD and feed links."""

import json

from django import template
from django.utils.safestring import mark_safe

from nashra.feeds.metadata import describe

register = template.Library()

# Inside <script>, "</script>" or "<!--" in a headline would end the block.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


@register.inclusion_tag("feeds/metadata.html", takes_context=True)
def page_metadata(context):
    meta = describe(context)
    if not meta:
        return {"meta": None}
    graph = {"@context": "https://schema.org", "@graph": meta["json_ld"]}
    text = json.dumps(graph, ensure_ascii=False).translate(_SCRIPT_SAFE)
    return {"meta": meta, "json_ld": mark_safe(text)}  # noqa: S308 (escaped above)
