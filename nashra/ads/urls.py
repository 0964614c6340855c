from django.urls import path

from nashra.ads import views

app_name = "ads"
urlpatterns = [
    path("ads.txt", views.ads_txt, name="ads_txt"),
    path("app-ads.txt", views.app_ads_txt, name="app_ads_txt"),
]
