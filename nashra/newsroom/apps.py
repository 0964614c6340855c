from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    name = "nashra.newsroom"
    label = "newsroom"

    def ready(self):
        from wagtail.models import AbstractPage, Page
        from wagtail.permissions import register_permission_policy
        from wagtail.signals import task_submitted

        from nashra.newsroom import review, sessions, sharing

        # Others' drafts stay out of every page listing of the admin.
        register_permission_policy(AbstractPage, sharing.NewsroomPagePolicy(Page))

        sessions.connect()
        # Wagtail sends it with the task state's class: every task type comes here.
        task_submitted.connect(review.on_submitted, dispatch_uid="nashra-review")
