from django.apps import AppConfig

from nashra.core import jobs, slots


class CommentsConfig(AppConfig):
    name = "nashra.comments"
    label = "comments"

    def ready(self):
        # Connects the receivers that forget cached options on save (#8).
        from nashra.comments import threads  # noqa: F401
        from nashra.comments.housekeeping import run_due

        # IPs trimmed and stale rows removed on schedule (#3, #13).
        jobs.register("comments-housekeeping", run_due)
        # The article page and its cards offer slots; comments fill them (#13).
        slots.fill("after_article", "comments/slots/after_article.html")
        slots.fill("card", "comments/slots/card.html")
