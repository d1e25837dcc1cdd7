"""Middleware of the project."""

import codecs
import csv

from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.translation import gettext as _

#: Paths outside the /<lang>/ trees: their 404s are answers, not a missing language prefix.
UNPREFIXED_PATHS = ("/api/", "/embed/", "/admin/", "/documents/", "/sitemap.xml")


#: Content outside the /<lang>/ trees: its language comes from the URL (`?locale=`), so one
#: URL is one language, whoever asks, and a cached answer fits every reader (cms.core.cache).
CONTENT_PATHS = ("/api/", "/embed/", "/sitemap.xml")


def language_of_url(request):
    """The language a content URL asks for: its `locale` parameter if it is one of the
    site's languages, else the default language (never the reader's Accept-Language)."""
    code = request.GET.get("locale", "")
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, with two exceptions for paths outside the /<lang>/ trees.

    - The API, embeds and the sitemap speak the language their URL names, not the one of
      the reader's browser: labels and messages then follow `?locale=` like the content.
    - A 404 there is not redirected to /<lang>/. With `prefix_default_language`, Django
      answers any 404 whose path has no language prefix with a redirect to /en/<path>, which
      Wagtail's catch-all always accepts: an API client asking for a missing page would get a
      302 to an HTML page instead of the API's 404 problem document.
    """

    def process_request(self, request):
        if not request.path_info.startswith(CONTENT_PATHS):
            return super().process_request(request)
        language = language_of_url(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        return None

    def process_response(self, request, response):
        if request.path_info.startswith(CONTENT_PATHS):
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)


#: Everything the content API answers (Wagtail's v3 routers and the campaign's own).
API_PATH = "/api/"

#: Wagtail's image and document APIs list every file, whatever page shows it (or none yet):
#: a draft story's portrait, a photo whose consent is pending. Public images reach front ends
#: through the live pages that show them (as renditions); these two APIs are for editors.
TOKEN_ONLY_API_PATHS = ("/api/v3/images/", "/api/v3/documents/")


class ApiTokenMiddleware:
    """Check the API token of every API request, before any route can fall back to anonymous.

    Wagtail's routes accept a token *or* no one (`BearerTokenAuth` then `AllowAnonymous`), and
    the campaign's routes take no token at all: on its own, a mistyped, revoked or expired
    token would quietly read as an anonymous request. Here a request presenting a bearer
    token is checked up front, by Wagtail's own `BearerTokenAuth` (digest lookup,
    revocation, SECRET_KEY_FALLBACKS rotation, inactive users), on every /api/ route, and
    answered with a 401 problem unless it holds. (Wagtail's routes then resolve the token
    again for themselves: one more indexed lookup, for token requests only.) The image and
    document APIs also need a token.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(API_PATH):
            refusal = _token_refusal(request)
            if refusal is not None:
                return refusal
        return self.get_response(request)


def _token_refusal(request):
    """A 401 problem for a bearer token that doesn't hold, or for no token where one is needed."""
    from wagtail.api.v3.auth import BearerTokenAuth
    from wagtail.api.v3.errors import problem_response

    authorization = request.headers.get("Authorization", "")
    if authorization.split(" ")[0].lower() == BearerTokenAuth.openapi_scheme:
        if BearerTokenAuth()(request):
            return None
        response = problem_response(
            status=401,
            detail=_(
                "This API token is not valid: it is unknown, revoked or expired, or its "
                "user was deactivated. Ask for a new token, or call without one for public "
                "content."
            ),
        )
        response["WWW-Authenticate"] = 'Bearer error="invalid_token"'
        return response
    if request.path_info.startswith(TOKEN_ONLY_API_PATHS):
        response = problem_response(
            status=401,
            detail=(
                "The image and document APIs need an API token. Public images come "
                "with the pages that show them."
            ),
        )
        response["WWW-Authenticate"] = "Bearer"
        return response
    return None


#: OWASP's rule against CSV injection: a spreadsheet opening the file reads a cell starting
#: with one of these as a formula (=HYPERLINK(…), +cmd|' /C calc'!A0, @SUM(…), -2+3).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def inert_cell(text):
    """`text` as a spreadsheet shows it and never runs it: prefixed with ' if formula-like."""
    return f"'{text}" if text.startswith(FORMULA_TRIGGERS) else text


class InertCsvExportMiddleware:
    """Make every CSV export of the admin inert: no cell can be read as a formula.

    The exports are Wagtail's (SpreadsheetExportMixin, `?export=csv`): snippet and model
    listings with `list_export` (the multipliers), the reports (site history, locked and
    aging pages, workflows), redirects and form submissions. Their cells are written by
    many views, some of them Wagtail's own, and hold what editors and the public typed, so
    they are escaped here, once, as the rows stream out. (The XLSX exports are safe already:
    Wagtail stores formula-like cells as text.)
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.GET.get("export") == "csv"
            and response.streaming
            and response.get("Content-Type", "").startswith("text/csv")
        ):
            response.streaming_content = _inert_rows(response.streaming_content, response.charset)
        return response


class _Echo:
    def write(self, text):
        return text


def _inert_rows(chunks, charset):
    writer = csv.writer(_Echo())
    for row in csv.reader(_lines(chunks, charset)):
        yield writer.writerow([inert_cell(cell) for cell in row])


def _lines(chunks, charset):
    """The text of `chunks` (bytes, cut anywhere) line by line, each with its newline."""
    decoder = codecs.getincrementaldecoder(charset)()
    pending = ""
    for chunk in chunks:
        pending += decoder.decode(chunk)
        *lines, pending = pending.split("\n")
        for line in lines:
            yield line + "\n"
    pending += decoder.decode(b"", final=True)
    if pending:
        yield pending
