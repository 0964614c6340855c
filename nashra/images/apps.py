from django.apps import AppConfig
from django.db.models.signals import post_save


class ImagesConfig(AppConfig):
    name = "nashra.images"
    label = "images"

    def ready(self):
        from nashra.images import warm

        post_save.connect(warm.after_save, sender=self.get_model("NewsImage"))
