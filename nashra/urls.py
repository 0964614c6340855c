from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.views.serve import serve as serve_document

from nashra.core import routing
from nashra.core.media import media_file
from nashra.core.ranges import ranged

handler400 = "nashra.core.views.bad_request"
handler404 = "nashra.core.views.page_not_found"
handler500 = "nashra.core.views.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's own document view, answering byte ranges so that an audio or
    # video story seeks (#20); its URL name stays Wagtail's, below.
    re_path(r"^documents/(\d+)/(.*)$", ranged(serve_document)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("nashra.articles.urls")),
    path("", include("nashra.live.urls")),
    path("", include("nashra.podcasts.urls")),
    path("api/v1/live/", include("nashra.live.api_urls")),
    path("search/", include("nashra.search.urls")),
    path("", include("nashra.comments.urls")),
    path("", include("nashra.newsletters.urls")),
    path("", include("nashra.push.urls")),
    path("", include("nashra.feeds.urls")),
    path("", include("nashra.theme.urls")),
    path("", include("nashra.prayer.urls")),
    path("", include("nashra.ads.urls")),
    path("", include("nashra.sections.urls")),
]

if settings.ANYMAIL["WEBHOOK_SECRET"]:
    # Bounces and complaints from the e-mail service suppress the address (#19).
    urlpatterns.append(path("anymail/", include("anymail.urls")))

if settings.SERVE_MEDIA:
    # The embedded set-up has no web server in front; production uses nginx.
    urlpatterns.append(re_path(r"^media/(?P<path>.*)$", ranged(media_file)))

# Wagtail's page tree answers everything else, so it comes last; pages are
# found by url_path in one query first (#8).
urlpatterns += [
    re_path(wagtail_urls.serve_pattern, routing.serve, name="nashra_serve"),
    path("", include(wagtail_urls)),
]
