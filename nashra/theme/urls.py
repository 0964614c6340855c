from django.urls import path

from nashra.theme import views

app_name = "theme"
urlpatterns = [
    path("favicon.ico", views.favicon_ico, name="favicon"),
]
