"""Hostile input gets a clear 4xx, never a 500: the checks every request passes first.

Found by hand and by schemathesis, each of these used to crash a view deep inside (the
database driver, a query parser) instead of being refused at the door:

- a NUL byte in the path or the query string (PostgreSQL refuses it in any string);
- a body in a character set other than UTF-8 (Django decodes forms with the declared one:
  UTF-16 turns every field into garbage, or fails);
- a number beyond what the database stores (an offset or an id of 2^63 and more);
- a query so deeply nested that parsing it overflows the stack ("OR " three thousand times);
- a write-API action on the root of the page tree (Wagtail's copy and create_alias look for
  the root's parent, which it does not have, and crash): the root is no page to act on;
- a snippet id its model could not have ("abc" for a number: Wagtail's snippet routes take
  any text and look it up as given): in the address, nothing is there (404); as the
  listing's `translation_of`, the same 422 as an id that does not exist;
- a write through the API that the database refuses as a duplicate (a snippet whose unique
  fields the API cannot write, sent twice): a 409, the request conflicting with what is
  stored. It is logged as a warning: the model's form should have said it first.

Under /api/ the 4xx becomes a problem document (cms.core.problems); on the site it is the
site's own 400 page.
"""

import logging
import re

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError
from django.http import HttpResponse, HttpResponseNotFound
from django.views.defaults import bad_request, permission_denied
from wagtail.api.v3.errors import problem_response

logger = logging.getLogger(__name__)

#: Character sets a request body may declare: UTF-8 (and its subset ASCII).
BODY_CHARSETS = frozenset({"utf-8", "utf8", "us-ascii", "ascii"})


#: Wagtail's write-API page actions: /api/v3/pages/<id>/actions/<action>/.
PAGE_ACTION = re.compile(r"^/api/v3/pages/(\d{1,18})/actions/")


API_PATH = "/api/"

#: Wagtail's snippet API routes: each names its model (`type`), some a snippet (`pk`).
SNIPPET_ROUTES = "api/v3/snippets/<type>/"


class BadInput(Exception):
    """Raised by the checks below; answered with a 400."""


def _check(request):
    if "\x00" in request.path or "%00" in request.META.get("QUERY_STRING", ""):
        raise BadInput("NUL byte in the address")
    charset = (request.content_params or {}).get("charset", "").strip().lower()
    if charset and charset not in BODY_CHARSETS and request.method in {"POST", "PUT", "PATCH"}:
        return HttpResponse(
            "Request bodies must be UTF-8.", status=415, content_type="text/plain; charset=utf-8"
        )
    return None


def _acts_on_the_tree_root(request):
    from wagtail.models import Page

    match = PAGE_ACTION.match(request.path_info)
    if match is None or request.method != "POST":
        return False
    return Page.objects.filter(pk=int(match[1]), depth=1).exists()


def _snippet_model(request, view_kwargs):
    """The model a snippet API route names, if it is one (an unknown type is left to the API,
    which refuses it itself)."""
    match = request.resolver_match
    if match is None or not match.route.startswith(SNIPPET_ROUTES):
        return None
    try:
        return apps.get_model(view_kwargs.get("type", ""))
    except (LookupError, ValueError):
        return None


def _is_an_id_of(model, value):
    try:
        model._meta.pk.to_python(value)
    except ValidationError:
        return False
    return True


def _refuse_snippet_ids_no_model_could_have(request, view_kwargs):
    model = _snippet_model(request, view_kwargs)
    if model is None:
        return None
    if "pk" in view_kwargs and not _is_an_id_of(model, unquote(view_kwargs["pk"])):
        logger.info("Refused %s %s: not a snippet's id", request.method, request.path)
        return HttpResponseNotFound()  # a problem document under /api/ (cms.core.problems)
    translation_of = request.GET.get("translation_of")
    if translation_of and not _is_an_id_of(model, translation_of):
        # What the API answers for an id that does not exist.
        message = f"No {model._meta.object_name} matches the given translation_of value."
        return problem_response(
            status=422,
            detail="Validation failed",
            errors=[{"type": "does_not_exist", "loc": ["translation_of"], "msg": message}],
        )
    return None


class RequestGuardMiddleware:
    """Refuse hostile input before any view, and turn the crashes it causes into 400s."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            refusal = _check(request)
        except BadInput as error:
            return self._bad_request(request, error)
        if refusal is not None:
            return refusal
        if _acts_on_the_tree_root(request):
            return permission_denied(request, exception=None)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        return _refuse_snippet_ids_no_model_could_have(request, view_kwargs)

    def process_exception(self, request, exception):
        if isinstance(exception, DataError):
            # A value the database cannot hold (a number out of range): the request's fault.
            return self._bad_request(request, exception)
        if isinstance(exception, RecursionError):
            return self._bad_request(request, "query too deeply nested")
        if isinstance(exception, IntegrityError) and request.path_info.startswith(API_PATH):
            logger.warning("Refused %s %s: %s", request.method, request.path, exception)
            return HttpResponse(status=409)  # a problem document (cms.core.problems)
        return None

    @staticmethod
    def _bad_request(request, reason):
        logger.info("Refused %s %s: %s", request.method, request.path, reason)
        return bad_request(request, exception=None)
