from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "nashra.comments"
    label = "comments"

    def ready(self):
        # Connects the receivers that forget cached options on save (#8).
        from nashra.comments import threads  # noqa: F401
