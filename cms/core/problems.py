"""Every error the content API answers is an RFC 7807 problem document, and tells no secret.

The API's routes answer their own errors as problems (Wagtail's v3 handlers, the campaign's
routers). Other errors under /api/ are made by Django before or after them: an unknown
route (404), a method the route does not take (405), a body too large (413) or in the wrong
format (415), a bad host (400), a crash (500). Django would answer those with the site's
HTML pages (or, in DEBUG, its technical pages). `ApiProblemMiddleware` is the one place
that turns every one of them into `application/problem+json` (type, title, status,
detail), keeping the headers that matter (Allow, Retry-After, WWW-Authenticate, CORS). A
server error never shows its exception, whatever DEBUG says: it is logged, as any other.
"""

from http import HTTPStatus

from django.core.exceptions import PermissionDenied, RequestDataTooBig, SuspiciousOperation
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from wagtail.api.v3.errors import PROBLEM_JSON, build_problem_detail

API_PATH = "/api/"

#: The media types a request body may have, by (exact) path; any other /api/ path takes these
#: (Wagtail's write API takes JSON). A body of another type gets 415.
FORM_MEDIA_TYPES = frozenset({"multipart/form-data", "application/x-www-form-urlencoded"})
BODY_MEDIA_TYPES = {
    "/api/v3/nominations/": FORM_MEDIA_TYPES,
    "/api/v3/events/proposals/": frozenset({"application/json"}),
}
DEFAULT_BODY_MEDIA_TYPES = FORM_MEDIA_TYPES | {"application/json"}


def _details():
    """A plain explanation of each status, in the request's language (never internals)."""
    return {
        400: _("The request could not be understood."),
        401: _("Authentication is required."),
        403: _("You may not do this."),
        404: _("There is nothing at this address in the API."),
        405: _("This address does not take this method: see the Allow header."),
        409: _("This conflicts with what is already stored."),
        413: _("The request is too large."),
        415: _("The request body is not in a format this address takes."),
        422: _("The request has errors."),
        429: _("Too many requests: please try again later."),
        500: _("Something went wrong on our side. Please try again later."),
        503: _("The service is briefly unavailable. Please try again in a few minutes."),
    }


def problem_body(status, detail=""):
    """The JSON of a problem document for `status` (its standard title, a plain detail)."""
    try:
        status = HTTPStatus(status).value
    except ValueError:
        status = 500
    if not detail:
        details = _details()
        detail = details.get(status) or details[500 if status >= 500 else 400]
    return build_problem_detail(status=status, detail=detail).model_dump_json(exclude_none=True)


def _make_problem(response, detail=""):
    """Turn `response` into a problem document in place, so its other headers stay."""
    response.content = problem_body(response.status_code, detail)
    response["Content-Type"] = PROBLEM_JSON
    if response.has_header("Content-Length"):
        response["Content-Length"] = str(len(response.content))
    for header in ("ETag", "Last-Modified", "Content-Disposition"):
        if response.has_header(header):
            del response[header]
    return response


def _problem(status, detail=""):
    return HttpResponse(problem_body(status, detail), status=status, content_type=PROBLEM_JSON)


def _unsupported_media_type(request):
    """A 415 problem when the request's body is in a media type its path doesn't take."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length <= 0 or not request.content_type:
        return None
    accepted = BODY_MEDIA_TYPES.get(request.path, DEFAULT_BODY_MEDIA_TYPES)
    if request.content_type in accepted:
        return None
    response = _problem(415)
    response["Accept-Post"] = ", ".join(sorted(accepted))
    return response


def reraise(request, exc):
    """django-ninja's handler of unexpected exceptions: leave them to Django (and to
    `ApiProblemMiddleware`), in DEBUG too, so their text never reaches a client."""
    raise exc


class ApiProblemMiddleware:
    """Answer every /api/ error as a problem document (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(API_PATH):
            return self.get_response(request)
        if request.method in {"POST", "PUT", "PATCH"} and (
            refusal := _unsupported_media_type(request)
        ):
            return refusal
        response = self.get_response(request)
        if response.status_code < 400 or getattr(response, "streaming", False):
            return response
        if response.status_code >= 500:
            return _make_problem(response)
        if response.get("Content-Type", "").split(";")[0] != PROBLEM_JSON:
            return _make_problem(response)
        return response

    def process_exception(self, request, exception):
        """Errors of the request itself, raised while a route reads it: their own status."""
        if not request.path_info.startswith(API_PATH):
            return None
        if isinstance(exception, RequestDataTooBig):
            return _problem(413)
        if isinstance(exception, SuspiciousOperation):
            return _problem(400)
        if isinstance(exception, PermissionDenied):
            return _problem(403)
        if isinstance(exception, Http404):
            return _problem(404)
        return None  # Django logs it and answers 500, made a problem on the way out
