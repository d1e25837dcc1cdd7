"""When the database does not answer: a polite 503 with Retry-After, never a crash page.

PostgreSQL stopped, restarting or refusing connections makes every query raise Django's
OperationalError (InterfaceError on a connection it dropped). Wherever that happens (a page,
the API, a feed, a middleware), Django hands the exception to the project's `handler500`
(cms/urls.py): `server_error` answers it with 503 Service Unavailable and Retry-After, in the
reader's language, never cached by anyone. On the site it is a page that needs no database
(no menu, no site settings: templates/503.html); under /api/ cms.core.problems makes it a 503
problem document. Every other exception still gets the site's 500 page.

Pages and API answers already in the shared cache (cms.core.cache, Redis) are still served
during an outage: that middleware answers before anything reads the database, and nothing
they show can change while editors cannot save.

Recovery needs no restart: production keeps a worker's connection (CONN_MAX_AGE) and checks
it before reuse (CONN_HEALTH_CHECKS), and Django closes a connection that failed, so the first
request after PostgreSQL is back connects anew (tests/deploy/test_database_outage.py).
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views import defaults

from cms.core.middleware import CONTENT_PATHS, language_of_url

#: Seconds a client is asked to wait before trying again (a PostgreSQL restart takes a few).
RETRY_AFTER_SECONDS = 30

DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def database_unavailable(exception):
    """Whether `exception`, or one it was raised from or while handling, says the database
    cannot be reached (or cannot serve this query now: a lock or serialization failure)."""
    seen = set()
    while exception is not None and id(exception) not in seen:
        if isinstance(exception, DATABASE_UNAVAILABLE):
            return True
        seen.add(id(exception))
        exception = exception.__cause__ or exception.__context__
    return False


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """Django's handler500: a 503 while the database is out, the site's 500 page otherwise.

    Django calls it while it handles the exception, so `sys.exc_info()` is that exception.
    """
    if database_unavailable(sys.exc_info()[1]):
        return service_unavailable(request)
    return defaults.server_error(request, template_name)


def _language(request):
    if request.path_info.startswith(CONTENT_PATHS):
        return language_of_url(request)
    return translation.get_language_from_request(request, check_path=True)


def service_unavailable(request):
    """The 503 page, rendered without the request: nothing of it may read the database."""
    with translation.override(_language(request)):
        body = render_to_string("503.html")
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response
