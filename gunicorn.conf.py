"""gunicorn's settings for production (`gunicorn cms.wsgi`, read from this folder).

Every value can be overridden from the environment: `WEB_CONCURRENCY` (workers), `HOST`
and `PORT`, `GUNICORN_TIMEOUT`, `GUNICORN_MAX_REQUESTS`.
"""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"  # noqa: S104
# Sync workers: the app is I/O-light and CPU-bound; two per core, plus one.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle each worker after about ten thousand requests, not all at once, so a slow leak in
# any library never grows a worker without bound (a cached hit takes about a millisecond:
# every thousand requests was a recycle a second under load).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "10000"))
max_requests_jitter = max_requests // 10
# Load the app once in the master: a new or recycled worker is a fork, ready at once. Without
# it each recycled worker imported Django and Wagtail again (about 2 s of a core): at 600
# requests a second both workers were recycled every few seconds, and the benchmark's p95
# was that import. Connections are opened by the workers, after the fork.
preload_app = True
# Heartbeats in memory, not on a disk that may stall.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def when_ready(server):
    """In the master, with the app loaded and before any worker is forked: the work each
    worker would otherwise do on its first requests (cms/warmup.py)."""
    if server.cfg.preload_app:
        from cms.warmup import warm_up

        warm_up()
