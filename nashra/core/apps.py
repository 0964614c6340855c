from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "nashra.core"
    label = "core"

    def ready(self):
        # These touch models, which can be imported only once apps are ready.
        from nashra.core import base_url
        from nashra.core.admin_labels import label_wagtail_admin
        from nashra.core.permissions import translate_permission_names

        label_wagtail_admin()

        # Sent once per app with models after the whole run; once is enough (#12).
        post_migrate.connect(
            base_url.after_migrate,
            sender=apps.get_app_config("wagtailcore"),
            dispatch_uid="nashra-base-url",
        )
        # Every app's permissions, so no sender: Arabic names in the group editor (#12).
        post_migrate.connect(
            translate_permission_names, dispatch_uid="nashra-permission-names"
        )
