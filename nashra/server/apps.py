import io

from django.apps import AppConfig
from django.core.management import call_command

from nashra.core import jobs


def publish_scheduled():
    """Publish what is due and expire what has ended (Wagtail's command)."""
    call_command("publish_scheduled", stdout=io.StringIO())


class ServerConfig(AppConfig):
    """The wiring: how Nashra is served and what runs beside it (#13)."""

    name = "nashra.server"
    label = "server"

    def ready(self):
        jobs.register("publish-scheduled", publish_scheduled)
