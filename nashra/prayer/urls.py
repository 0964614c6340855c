from django.urls import path

from nashra.prayer import views

app_name = "prayer"

urlpatterns = [path("prayer-times/", views.prayer_times, name="times")]
