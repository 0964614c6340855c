"""Where a page sits: home › section › sub-section › page (#20).

One trail serves the visible breadcrumbs ({% breadcrumbs page %}) and the
BreadcrumbList JSON-LD (nashra.feeds.metadata), so both always agree. The
sections come from the cached tree: no query per ancestor.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from nashra.sections.tree import section_tree


@dataclass
class Crumb:
    """One step of the trail; ``page`` is None for the home page."""

    name: str
    page: object = None


def _sections_above(page, tree):
    from nashra.sections.models import SectionPage  # the models import the tree

    if isinstance(page, SectionPage):
        return tree.ancestors(page.pk, inclusive=False)
    section_id = getattr(page, "section_id", None)
    if section_id is None:
        return []
    chain = tree.ancestors(section_id)
    # A section the tree does not hold (restricted, shown to its editors).
    return chain or [page.section]


def trail(page):
    """[Crumb] from the home page down to ``page`` itself."""
    chain = [Crumb(_("Home"))]
    chain.extend(
        Crumb(section.title, section)
        for section in _sections_above(page, section_tree())
    )
    chain.append(Crumb(page.title, page))
    return chain
