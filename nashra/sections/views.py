"""The mega menu's latest stories, fetched when a reader opens a panel (#20).

Every page carries the menu; if it carried each top section's latest
stories too, every page would depend on every section and each publish
would empty the whole page cache. The panel's stories are this small
response instead, cached by the page cache under "section:<id>", which a
publish in the section or any sub-section bumps (docs/decisions/mega-menu.md).
"""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from nashra.articles.models import ArticlePage
from nashra.core import groups
from nashra.images import renditions
from nashra.sections.tree import section_tree

STORIES = 4
# One small size, already made for every card when a photo is saved.
SPECS = renditions.specs(("fill-320x180",), renditions.FORMATS)


@require_GET
def menu_stories(request, pk):
    tree = section_tree()
    section = tree.get(pk)
    if section is None:
        raise Http404("no such public section")
    ids = [pk, *tree.descendant_ids(pk)]
    stories = list(
        ArticlePage.objects.published()
        .filter(section_id__in=ids)
        .newest_first()
        .for_cards(specs=SPECS)
        .select_related(None)
        .defer_streamfields()[:STORIES]
    )
    request.pagecache_groups = {groups.section(pk)}
    context = {"section": section, "stories": stories}
    response = render(request, "sections/menu_stories.html", context)
    # A piece of the menu, not a page of its own for search engines.
    response["X-Robots-Tag"] = "noindex"
    return response
