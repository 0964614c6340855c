from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "nashra.search"
    label = "search"
