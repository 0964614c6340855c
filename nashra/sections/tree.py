"""The whole section tree, read in one query and cached (#20).

Sub-sections make a section's place a chain (رياضة › كرة القدم): the menu
lists each top section with its children, a listing gathers its own and its
sub-sections' articles, breadcrumbs name every ancestor. Asking the page
tree for each would cost a query per ancestor on every page; instead every
live, public section is read once into a ``SectionTree`` kept under the
"site" group, which a section's publish, unpublish, move or a restriction
already bumps (SectionPage busts "site", #8).
"""

from wagtail.models import Page

from nashra.core import fragments, groups
from nashra.core.privacy import exclude_private

STEP = Page.steplen
FIELDS = ("id", "title", "slug", "url_path", "path", "depth", "show_in_menus")


class SectionTree:
    """Live, public sections by id, with their parents and children."""

    def __init__(self, sections):
        by_path = {section.path: section for section in sections}
        self.by_id = {section.pk: section for section in sections}
        self.parent_of = {}
        self.children_of = {}
        for section in sorted(sections, key=lambda found: found.path):
            parent = by_path.get(section.path[:-STEP])
            self.parent_of[section.pk] = parent.pk if parent else None
            if parent is not None:
                self.children_of.setdefault(parent.pk, []).append(section)

    def get(self, pk):
        return self.by_id.get(pk)

    def children(self, pk):
        """Sub-sections of ``pk`` in the editors' order (the tree's)."""
        return list(self.children_of.get(pk, ()))

    def ancestors(self, pk, inclusive=True):
        """The chain from the top section down to ``pk``; [] when unknown."""
        chain = []
        current = pk if inclusive else self.parent_of.get(pk)
        while current is not None and current in self.by_id:
            chain.append(self.by_id[current])
            current = self.parent_of.get(current)
        return chain[::-1]

    def descendant_ids(self, pk):
        """Ids of every section below ``pk``, at any depth."""
        found, waiting = [], list(self.children_of.get(pk, ()))
        while waiting:
            section = waiting.pop()
            found.append(section.pk)
            waiting.extend(self.children_of.get(section.pk, ()))
        return found

    def top(self, root):
        """The sections straight under a site's home page, in tree order."""
        return [
            section
            for section in sorted(self.by_id.values(), key=lambda found: found.path)
            if section.depth == root.depth + 1 and section.path.startswith(root.path)
        ]


def _load():
    from nashra.sections.models import SectionPage  # the models import this module

    sections = exclude_private(SectionPage.objects.live()).only(*FIELDS)
    return SectionTree(list(sections.order_by("path")))


def section_tree():
    """The tree, built once per version of "site" and read once per request."""
    return fragments.cached("sections:tree", {groups.SITE}, _load)
