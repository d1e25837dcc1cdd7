"""Middleware of the project."""

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

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


#: Wagtail's image and document APIs list every file, whatever page shows it (or none yet):
#: a draft story's portrait, a photo whose consent is pending. Public images reach front ends
#: through the live pages that show them (as renditions); these two APIs are for editors.
TOKEN_ONLY_API_PATHS = ("/api/v3/images/", "/api/v3/documents/")


class TokenOnlyMediaApiMiddleware:
    """Answer anonymous requests to the image and document APIs with a 401 problem."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(TOKEN_ONLY_API_PATHS) and not request.META.get(
            "HTTP_AUTHORIZATION", ""
        ).startswith("Bearer "):
            from wagtail.api.v3.errors import problem_response

            return problem_response(
                status=401,
                detail=(
                    "The image and document APIs need an API token. Public images come "
                    "with the pages that show them."
                ),
            )
        return self.get_response(request)
