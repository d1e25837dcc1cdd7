"""Rate limits kept in the shared cache (Redis when REDIS_URL is set), so every app server
counts the same requests. A fixed window per key: simple, and exact enough against abuse.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache


def client_key(request):
    """Who is asking, as a hash: the client's address is counted, never stored as is."""
    address = request.META.get("REMOTE_ADDR", "")
    if getattr(settings, "RATELIMIT_TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        address = forwarded.split(",")[0].strip() or address
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]


def hit(scope, key, *, limit, window):
    """Count one request of `key` in `scope`: 0 if allowed, else the seconds to wait."""
    now = time.time()
    bucket = int(now // window)
    cache_key = f"ratelimit:{scope}:{key}:{bucket}"
    if cache.add(cache_key, 1, timeout=window):
        count = 1
    else:
        try:
            count = cache.incr(cache_key)
        except ValueError:  # expired between add and incr: a new window has begun
            cache.add(cache_key, 1, timeout=window)
            count = 1
    if count <= limit:
        return 0
    return max(1, int(window - now % window))
