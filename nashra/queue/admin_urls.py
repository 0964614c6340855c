from django.urls import path

from nashra.queue import admin_views

app_name = "queue_admin"

urlpatterns = [
    path("", admin_views.jobs, name="jobs"),
    path("<uuid:pk>/retry/", admin_views.retry, name="retry"),
]
