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
        from nashra.core import marks
        from nashra.server import health

        jobs.register("publish-scheduled", publish_scheduled)
        # Spent tokens and flood windows of the past (core_mark), after embargoes.
        jobs.register("purge-marks", marks.purge)
        health.register_checks()
