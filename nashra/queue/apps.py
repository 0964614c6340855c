from django.apps import AppConfig


class QueueConfig(AppConfig):
    """Background jobs on Django's tasks API: retries, workers, queued e-mail (#14)."""

    name = "nashra.queue"
    label = "queue"
