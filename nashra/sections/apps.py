from django.apps import AppConfig


class SectionsConfig(AppConfig):
    name = "nashra.sections"
    label = "sections"
