from django.urls import path

from nashra.articles import views

app_name = "articles"
urlpatterns = [
    path("tag/<str:slug>/", views.tag_page, name="tag"),
    path("author/<str:slug>/", views.author_page, name="author"),
]
