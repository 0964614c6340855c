from django.urls import path

from nashra.live import admin_views

app_name = "live_admin"

urlpatterns = [
    path("", admin_views.desks, name="desks"),
    path("<int:pk>/", admin_views.desk, name="desk"),
    path("<int:pk>/publish/", admin_views.publish, name="publish"),
    path("<int:pk>/entries/<int:entry_pk>/", admin_views.act, name="act"),
]
