from django.urls import path

from nashra.push import views

app_name = "push"

urlpatterns = [
    path("push/subscribe/", views.subscribe, name="subscribe"),
    path("push/unsubscribe/", views.unsubscribe, name="unsubscribe"),
    path("push-sw.js", views.service_worker, name="service_worker"),
]
