from nashra.sections.models import SectionPage


def create_section(parent, title, slug, **fields):
    """A published section under `parent` (the home page or another section)."""
    section = SectionPage(title=title, slug=slug, **fields)
    parent.add_child(instance=section)
    section.save_revision().publish()
    return section
