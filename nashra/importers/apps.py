from django.apps import AppConfig


class ImportersConfig(AppConfig):
    name = "nashra.importers"
    label = "importers"
