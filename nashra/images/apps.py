from django.apps import AppConfig


class ImagesConfig(AppConfig):
    name = "nashra.images"
    label = "images"
