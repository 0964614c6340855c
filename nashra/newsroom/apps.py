from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    name = "nashra.newsroom"
    label = "newsroom"

    def ready(self):
        from wagtail.signals import task_submitted

        from nashra.newsroom import review, sessions

        sessions.connect()
        # Wagtail sends it with the task state's class: every task type comes here.
        task_submitted.connect(review.on_submitted, dispatch_uid="nashra-review")
