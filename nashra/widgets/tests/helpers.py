"""Placing widgets for the widgets tests (#20)."""

import uuid

from wagtail.models import Site

from nashra.theme.tests.helpers import NewspaperTestCase
from nashra.widgets.models import WidgetAreas


def widget(kind, **value):
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


class WidgetsTestCase(NewspaperTestCase):
    def place(self, sidebar=(), footer=()):
        """Save the areas as the admin does: a site setting, bumping "site"."""
        areas = WidgetAreas.for_site(Site.objects.get(is_default_site=True))
        areas.sidebar = list(sidebar)
        areas.footer = list(footer)
        with self.captureOnCommitCallbacks(execute=True):
            areas.save()
        return areas

    def area(self, html, name):
        """The markup of one area of a page, or None when the page has none."""
        start = html.find(f"widget-area--{name}")
        if start < 0:
            return None
        tag = "</aside>" if name == "sidebar" else "</div>"
        found = html[start : html.index(tag, start)]
        # Titles isolate their digits (<bdi>); the tests read the text.
        return found.replace("<bdi>", "").replace("</bdi>", "")
