from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "nashra.pagecache"
    label = "pagecache"

    def ready(self):
        from nashra.pagecache import signals

        signals.connect()
