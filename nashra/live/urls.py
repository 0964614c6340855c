from django.urls import path

from nashra.live import views

app_name = "live"

urlpatterns = [
    path("live/<int:pk>/tail/", views.tail, name="tail"),
    path("live/<int:pk>/feed/", views.feed, name="feed"),
    path("live/entry/<int:pk>/", views.permalink, name="entry"),
]
