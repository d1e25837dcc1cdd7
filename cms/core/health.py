"""`/healthz`: can this app server answer? Its database and its cache, checked for real.

For load balancers and orchestrators: 200 when both answer, 503 (and which failed) when one
does not. Never cached, never behind a login, and it shows no internals.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


def _database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.warning("Health check: the database does not answer.", exc_info=True)
        return False


def _cache_answers():
    # The Redis cache ignores its own errors (a miss, logged), so write and read back, under
    # a key of this check's own: with one key for all, two workers checking at once read
    # each other's value and both answered 503 while everything was up.
    key = value = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, value, timeout=10)
        answers = cache.get(key) == value
        cache.delete(key)
        return answers
    except Exception:
        logger.warning("Health check: the cache does not answer.", exc_info=True)
        return False


@never_cache
def healthz(request):
    checks = {
        "database": "ok" if _database_answers() else "unavailable",
        "cache": "ok" if _cache_answers() else "unavailable",
    }
    healthy = all(state == "ok" for state in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", **checks}, status=200 if healthy else 503
    )
