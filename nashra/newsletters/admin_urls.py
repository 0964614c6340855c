from django.urls import path

from nashra.newsletters import admin_views

app_name = "newsletters_admin"

urlpatterns = [
    path("edition/<int:pk>/preview/", admin_views.preview, name="preview"),
    path("edition/<int:pk>/send/", admin_views.send, name="send"),
    path("list/<int:pk>/draft/", admin_views.draft, name="draft"),
]
