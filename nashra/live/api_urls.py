from django.urls import path

from nashra.live import api

app_name = "live_api"

urlpatterns = [
    path("", api.live_pages, name="pages"),
    path("<int:page_id>/entries/", api.entries, name="entries"),
]
