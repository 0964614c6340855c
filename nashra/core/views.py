import logging

from django.http import (
    HttpResponseBadRequest,
    HttpResponseNotFound,
    HttpResponseServerError,
)
from django.template import loader
from django.utils.translation import get_language, get_language_bidi

logger = logging.getLogger(__name__)


def page_not_found(request, exception=None):
    """The Arabic 404 page, in the site's own layout."""
    template = loader.get_template("404.html")
    return HttpResponseNotFound(template.render({}, request))


def bad_request(request, exception=None):
    """The Arabic 400 page, for requests no address of the site can answer."""
    template = loader.get_template("400.html")
    return HttpResponseBadRequest(template.render({}, request))


def server_error(request):
    """The Arabic 500 page, rendered without the database (it may be the cause)."""
    template = loader.get_template("500.html")
    context = {
        "minimal": True,
        "LANGUAGE_CODE": get_language(),
        "LANGUAGE_BIDI": get_language_bidi(),
    }
    return HttpResponseServerError(template.render(context))
