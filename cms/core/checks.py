"""Deployment checks: what production needs before it serves a page.

Production keeps its static files in whitenoise's manifest storage: every `{% static %}`
looks its file up in the manifest `collectstatic` writes, and without one every page is a
500 ("Missing staticfiles manifest entry"). `check --deploy` warns about it, and the WSGI
application (cms/wsgi.py) refuses to start, naming the command to run.
"""

from django.conf import settings
from django.contrib.staticfiles.storage import ManifestFilesMixin
from django.core.checks import Tags, Warning, register
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import storages

COLLECTSTATIC = "python manage.py collectstatic --noinput"


def missing_static_manifest():
    """Where the static files' manifest should be, if the storage needs one and it is not there."""
    storage = storages["staticfiles"]
    if not isinstance(storage, ManifestFilesMixin):
        return None
    if storage.manifest_storage.exists(storage.manifest_name):
        return None
    return f"{settings.STATIC_ROOT}/{storage.manifest_name}"


@register(Tags.staticfiles, deploy=True)
def static_manifest_check(app_configs, **kwargs):
    missing = missing_static_manifest()
    if missing is None:
        return []
    return [
        Warning(
            f"The static files are not collected: {missing} does not exist, so every page "
            "would fail with 'Missing staticfiles manifest entry'.",
            hint=f"Run `{COLLECTSTATIC}` on each deployment, before starting the app.",
            id="core.W001",
        )
    ]


def require_static_manifest():
    """Stop the app at start-up, rather than answer every page with a 500."""
    missing = missing_static_manifest()
    if missing is not None:
        raise ImproperlyConfigured(
            f"The static files are not collected ({missing} does not exist): run "
            f"`{COLLECTSTATIC}` before starting the app."
        )
