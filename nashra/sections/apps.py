from django.apps import AppConfig


class SectionsConfig(AppConfig):
    name = "nashra.sections"
    label = "sections"

    def ready(self):
        from nashra.core import slots

        # The article page offers the slot; the trail is the sections' (#20).
        slots.fill("breadcrumbs", "sections/slots/breadcrumbs.html")
