"""Degrade, don't fall: with Redis down the site and API serve uncached; /healthz tells.

And a cache hit is answered before the session, CSRF, locale and message work.
"""

import pytest
from django.conf import settings
from django.test import override_settings

from cms.core import health

pytestmark = pytest.mark.django_db

#: Redis as configured in production, pointed at a port where nothing listens.
REDIS_DOWN = {
    "default": {
        **settings.CACHES["default"],
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:6399/0",
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
        },
    }
}


def test_the_production_redis_cache_ignores_its_errors(monkeypatch):
    """The setting the tests below rely on is the one REDIS_URL configures."""
    import importlib

    from cms.settings import base

    # Only for this test: later tests (and their subprocesses) see the environment unchanged.
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6399/0")
    try:
        options = importlib.reload(base).CACHES["default"]["OPTIONS"]
    finally:
        importlib.reload(base)
    assert options["IGNORE_EXCEPTIONS"] is True


@override_settings(CACHES=REDIS_DOWN)
def test_with_redis_down_pages_and_the_api_answer_uncached(client, story):
    for url in (
        story.url,
        f"/api/v3/pages/{story.pk}/",
        "/api/v3/stories/",
        "/en/feeds/stories.rss",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["X-Cache"] == "MISS"

    # A search keeps what it found in the cache: with none, it matches every time.
    name = story.hero_name.split()[-1]
    for url in (f"/en/search/?query={name}", f"/api/v3/search/?q={name}&type=story"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert story.url in response.content.decode(), url


@override_settings(CACHES=REDIS_DOWN)
def test_with_redis_down_healthz_says_503_and_which(client):
    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "ok", "cache": "unavailable"}


def test_healthz_says_ok_when_database_and_cache_answer(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


class AnotherWorkerChecksMeanwhile:
    """The cache, where another worker's health check runs between this one's write and read
    (two workers, a load balancer and a monitor ask /healthz at once)."""

    def __init__(self, cache):
        self.cache, self.others = cache, []

    def set(self, *args, **kwargs):
        self.cache.set(*args, **kwargs)
        if not self.others:  # the other check's own write comes back here: once only
            self.others.append(None)
            self.others[0] = health._cache_answers()

    def __getattr__(self, name):
        return getattr(self.cache, name)


def test_healthz_checks_asked_at_once_do_not_fail_each_other(client, monkeypatch):
    meanwhile = AnotherWorkerChecksMeanwhile(health.cache)
    monkeypatch.setattr(health, "cache", meanwhile)

    response = client.get("/healthz")

    assert meanwhile.others == [True]
    assert response.status_code == 200, response.json()
    assert response.json()["cache"] == "ok"


def test_a_cache_hit_costs_no_query_and_no_session_or_csrf_work(
    client, story, django_assert_num_queries
):
    client.get(story.url)
    with django_assert_num_queries(0):
        hit = client.get(story.url)

    assert hit["X-Cache"] == "HIT"
    middleware = settings.MIDDLEWARE
    cache = middleware.index("cms.core.cache.PublicResponseCacheMiddleware")
    for later in (
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "cms.core.middleware.LocaleMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
    ):
        assert middleware.index(later) > cache, later
