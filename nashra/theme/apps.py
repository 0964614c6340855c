from django.apps import AppConfig


class ThemeConfig(AppConfig):
    name = "nashra.theme"
    label = "theme"
