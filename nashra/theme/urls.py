from django.urls import path

from nashra.theme import views

app_name = "theme"
urlpatterns = [
    path("theme/seen/<int:page_id>/", views.view_beacon, name="view_beacon"),
    path("favicon.ico", views.favicon_ico, name="favicon"),
]
