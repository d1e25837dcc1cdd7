"""The HTTP benchmark's settings: production's, plus the floor view's URL (bench/urls.py).

Everything else comes from the environment bench/http.py gives gunicorn, as in production:
SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL (the corpus), REDIS_URL (a Redis database of the
benchmark's own), MEDIA_ROOT (the corpus's photos), and BENCH_STATIC_ROOT, where the
benchmark's collectstatic writes the manifest production's static storage reads.
"""

import os

from cms.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
STATIC_ROOT = os.environ.get("BENCH_STATIC_ROOT", STATIC_ROOT)  # noqa: F405
