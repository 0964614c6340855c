from django.urls import path

from nashra.articles import beacon, views

app_name = "articles"
urlpatterns = [
    path("tag/<str:slug>/", views.tag_page, name="tag"),
    path("author/<str:slug>/", views.author_page, name="author"),
    path("corrections/", views.corrections_page, name="corrections"),
    # The address kept from the theme app (#4): pages already cached and
    # the page cache's exclusions name it (#13).
    path("theme/seen/<int:page_id>/", beacon.view_beacon, name="view_beacon"),
]
