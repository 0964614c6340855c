from django.urls import path

from nashra.comments import admin_views

app_name = "comments_admin"

urlpatterns = [
    path("", admin_views.queue, name="queue"),
    path("<int:pk>/edit/", admin_views.edit, name="edit"),
    path("<int:pk>/reply/", admin_views.reply, name="reply"),
    path("article/<int:page_id>/", admin_views.thread, name="thread"),
    path("personal-data/", admin_views.personal_data, name="personal_data"),
]
