"""The demo and local development: SQLite by default, debug on, emails on the console."""

import contextlib
import os

from .base import *  # noqa: F403
from .base import env_list

DEBUG = True
# A development-only key: production settings refuse to start without their own.
SECRET_KEY = os.environ.get("SECRET_KEY") or "django-insecure-development-only-not-for-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# Mail is sent in-process (on the console), no worker needed.
if not os.environ.get("MAIL_TASKS_BACKEND"):
    TASKS["mail"] = {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["mail"],
    }
# The development server serves static files from the apps, without collectstatic.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# `load_demo --admin` creates this superuser; no other settings module defines it.
DEMO_ADMIN_USERNAME = "admin"
DEMO_ADMIN_PASSWORD = "changeme"  # noqa: S105 (the documented demo login)

# Without a DeepL key, wagtail-localize's dummy translator (it reverses the words) lets you
# try the "Translate with machine" button; never meant for real content.
if WAGTAILLOCALIZE_MACHINE_TRANSLATOR is None:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
    }

with contextlib.suppress(ImportError):
    from .local import *  # noqa: F403
