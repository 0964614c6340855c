from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "nashra.core"
    label = "core"

    def ready(self):
        # Both touch models, which can be imported only once apps are ready.
        from nashra.core.admin_labels import label_wagtail_admin
        from nashra.core.permissions import translate_permission_names

        label_wagtail_admin()

        # Every app's permissions, so no sender: Arabic names in the group editor (#12).
        post_migrate.connect(
            translate_permission_names, dispatch_uid="nashra-permission-names"
        )
