"""The front page's blocks kept as rendered HTML between publishes (#12).

Every publish bumps "front", which drops the cached home page; but a
publish in one section leaves every other section's block as it was. So
each block that nashra.home.front.block_groups names is kept in the
fragment cache under those groups: a render fetches and renders only the
blocks whose groups moved (the lead and latest news, and the one section),
and reads the others in one cache round trip. Keys carry what else the HTML
depends on: the site (links, dates, digits), theme, language, the block's
settings and place, and the lead story (which no other block repeats).
"""

import json

from django.utils.translation import get_language
from wagtail.models import Site

from nashra.core import fragments
from nashra.home.front import block_groups, front_page
from nashra.theme.loaders import active_theme


def _name(request, home, number, kind, value, lead):
    site = Site.find_for_request(request)
    settings = json.dumps([kind, value], sort_keys=True, ensure_ascii=False)
    return (
        f"home-block:{site.pk if site else ''}:{active_theme.get()}:{get_language()}:"
        f"{home.pk}:{number}:{lead or ''}:{settings}"
    )


def front_context(home, request):
    """front_page(home) with kept blocks read, not rendered; every other
    block that can be kept carries the ``fragment`` key its HTML goes to
    (home_tags.front_block stores it once rendered)."""
    if request is None or getattr(request, "is_preview", False):
        return front_page(home)
    misses = {}

    def rendered(numbered, lead):
        entries = {}
        for number, (kind, value) in numbered:
            found = block_groups(kind, value)
            if found is not None:
                entries[_name(request, home, number, kind, value, lead)] = (
                    number,
                    found,
                )
        looked = fragments.lookup_many({n: g for n, (_, g) in entries.items()})
        done = {}
        for name, (key, html) in looked.items():
            number = entries[name][0]
            if html is None:
                misses[number] = key
            else:
                done[number] = html
        return done

    context = front_page(home, rendered, kept=True)
    for block in context["front_blocks"]:
        if block["number"] in misses:
            block["fragment"] = misses.pop(block["number"])
    # Left out for having nothing to show: kept as such.
    for key in misses.values():
        fragments.keep(key, "")
    return context
