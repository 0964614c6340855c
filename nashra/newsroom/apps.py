from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    name = "nashra.newsroom"
    label = "newsroom"

    def ready(self):
        from nashra.newsroom import sessions

        sessions.connect()
