"""WSGI entry point (gunicorn cms.wsgi): production settings unless told otherwise."""

import os

from django.core.wsgi import get_wsgi_application

from cms.core.checks import require_static_manifest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()

# Production serves static files from collectstatic's manifest: without it, stop here.
require_static_manifest()
