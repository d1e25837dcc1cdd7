"""Middleware of the project."""

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils.translation import gettext as _

#: Paths outside the /<lang>/ trees: their 404s are answers, not a missing language prefix.
UNPREFIXED_PATHS = ("/api/", "/embed/", "/admin/", "/documents/", "/sitemap.xml")


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a 404 outside the language trees is not redirected to /<lang>/.

    With `prefix_default_language`, Django answers any 404 whose path has no language
    prefix with a redirect to /en/<path>, which Wagtail's catch-all always accepts: an API
    client asking for a missing page would get a 302 to an HTML page instead of the API's
    404 problem document.
    """

    def process_response(self, request, response):
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

