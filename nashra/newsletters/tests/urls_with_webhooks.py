"""The site's URLs with anymail's webhooks, as NASHRA_ANYMAIL_WEBHOOK_SECRET mounts them."""

from django.urls import include, path

from nashra.urls import urlpatterns as site

urlpatterns = [path("anymail/", include("anymail.urls")), *site]
