from django.urls import path

from nashra.comments import views

app_name = "comments"

urlpatterns = [
    path("comments/<int:article_id>/token/", views.token, name="token"),
    path("comments/<int:article_id>/post/", views.post, name="post"),
    path("comments/<int:article_id>/form/", views.form_page, name="form"),
    path("comments/<int:article_id>/mine/", views.mine, name="mine"),
]
