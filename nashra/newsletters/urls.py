from django.urls import path

from nashra.newsletters import views

app_name = "newsletters"

urlpatterns = [
    path("newsletter/", views.page, name="page"),
    path("newsletter/subscribe/", views.post, name="post"),
    path("newsletter/confirm/<str:token>/", views.confirm, name="confirm"),
    path("newsletter/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
