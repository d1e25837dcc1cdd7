"""The test suite: the database from DATABASE_URL (PostgreSQL in CI), fast and isolated."""

import os
import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "tests-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="migrantheroes-test-media-"))
PRIVATE_MEDIA_ROOT = Path(f"{MEDIA_ROOT}-private")
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
BASE_URL = "http://testserver"
WAGTAILADMIN_BASE_URL = BASE_URL
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
# Never reach the network for embeds in tests.
WAGTAILEMBEDS_FINDERS = [{"class": "wagtail.embeds.finders.oembed", "providers": []}]
# Static files come from the finders; no collectstatic run is needed for tests.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
if not os.environ.get("REDIS_URL"):
    # One test process: its own memory is enough (CI sets REDIS_URL and uses Redis).
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Mail is sent in-process to Django's locmem outbox (tests of the queue set their own).
TASKS = {
    **TASKS,
    "mail": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["mail"]},
}
