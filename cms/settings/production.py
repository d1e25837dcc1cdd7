"""Production: every secret from the environment, secure by default.

Passes `python manage.py check --deploy` with no warning when SECRET_KEY, ALLOWED_HOSTS and
REDIS_URL are set and the static files are collected; refuses to start without SECRET_KEY,
ALLOWED_HOSTS or a shared cache (REDIS_URL, or ALLOW_LOCAL_CACHE=1 on one machine).
"""

import contextlib
import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool

if not os.environ.get("SECRET_KEY"):
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Production refuses to start without a secret key: "
        "set the SECRET_KEY environment variable to a long random string."
    )
SECRET_KEY = os.environ["SECRET_KEY"]
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS is not set: list the site's host names.")
# The cache is shared state (cached responses and their invalidation on publish, rate limits):
# every app server must see the same one.
if not os.environ.get("REDIS_URL") and not env_bool("ALLOW_LOCAL_CACHE"):
    raise ImproperlyConfigured(
        "REDIS_URL is not set. Production refuses to start without a shared cache: set "
        "REDIS_URL (e.g. redis://127.0.0.1:6379/0), or ALLOW_LOCAL_CACHE=1 to keep the cache "
        "in files on this machine (one machine only: never behind a load balancer)."
    )

DEBUG = False
# One connection per worker, kept between requests and checked before reuse, instead of a
# new PostgreSQL connection for every request.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

with contextlib.suppress(ImportError):
    from .local import *  # noqa: F403
