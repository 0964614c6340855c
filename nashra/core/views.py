import logging
import sys

from django.http import (
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseNotFound,
    HttpResponseServerError,
)
from django.template import loader
from django.utils.translation import get_language, get_language_bidi

from nashra.core.storage_faults import fault_of

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
    """The Arabic 500 page, rendered without the database (it may be the cause).

    A full disk or a read-only var dir is the site's 503 page instead, and one
    log line naming the path, not a traceback (#17).
    """
    context = {
        "minimal": True,
        "LANGUAGE_CODE": get_language(),
        "LANGUAGE_BIDI": get_language_bidi(),
    }
    fault = fault_of(sys.exc_info()[1])
    if fault is not None:
        logger.error("storage: %s (%s)", fault.line(), request.path)
        body = loader.get_template("503.html").render(context)
        response = HttpResponse(body, status=503)
        response["Retry-After"] = "120"
        response["Cache-Control"] = "no-store"
        return response
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render(context))
