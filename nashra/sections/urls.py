from django.urls import path

from nashra.sections import views

app_name = "sections"
urlpatterns = [path("_menu/<int:pk>/", views.menu_stories, name="menu")]
