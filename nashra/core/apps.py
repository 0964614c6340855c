from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "nashra.core"
    label = "core"

    def ready(self):
        from nashra.core import base_url

        # Sent once per app with models after the whole run; once is enough,
        # and this app has no models of its own (#12).
        post_migrate.connect(
            base_url.after_migrate,
            sender=apps.get_app_config("wagtailcore"),
            dispatch_uid="nashra-base-url",
        )
