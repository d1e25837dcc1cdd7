"""Work every worker would otherwise do on its first requests, done once before it is forked.

gunicorn loads the app in its master (`preload_app`) and forks the workers from it, again
each time one is recycled (`max_requests`). What a Django process builds lazily on its first
requests (the URL patterns and the views they import, each language's catalogs, the site's
compiled templates) was built again by each new worker while requests waited on it: on the
benchmark, a stall of about 0.8 s each time a worker was recycled. Built here, in the master,
every worker starts with it.
"""

from django.conf import settings
from django.db import connections
from django.template.loader import get_template
from django.urls import get_resolver
from django.utils import translation

#: The templates nearly every public request renders.
TEMPLATES = (
    "base.html",
    "heroes/hero_story_page.html",
    "heroes/hero_index_page.html",
    "home/home_page.html",
    "search/search.html",
    "404.html",
)


def warm_up():
    get_resolver().url_patterns  # noqa: B018 (imports every view module)
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Stories")  # loads the language's catalogs
    for name in TEMPLATES:
        get_template(name)
    # Nothing above needs the database; should anything have opened a connection, no worker
    # may inherit it.
    connections.close_all()
