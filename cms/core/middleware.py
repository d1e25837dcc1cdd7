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
