from django.urls import path

from nashra.podcasts import views

app_name = "podcasts"

urlpatterns = [
    path("podcasts/<str:slug>/", views.show, name="show"),
]
