"""gunicorn's master builds, before it forks a worker, what each worker's first requests
would otherwise build (cms/warmup.py, gunicorn.conf.py's when_ready)."""

import importlib.util
from pathlib import Path
from types import SimpleNamespace

from django.urls import clear_url_caches, get_resolver

from cms import warmup

ROOT = Path(__file__).resolve().parents[2]


def gunicorn_conf():
    spec = importlib.util.spec_from_file_location("gunicorn_conf", ROOT / "gunicorn.conf.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_master_warms_up_the_urls_without_the_database():
    # No database access is allowed here (pytest-django): warming up must need none.
    clear_url_caches()

    gunicorn_conf().when_ready(SimpleNamespace(cfg=SimpleNamespace(preload_app=True)))

    assert "url_patterns" in get_resolver().__dict__  # built (a cached property)


def test_the_templates_it_warms_up_exist():
    for name in warmup.TEMPLATES:
        assert (ROOT / "templates" / name).exists(), name


def test_workers_are_forked_from_a_preloaded_app_and_recycled_rarely():
    conf = gunicorn_conf()
    assert conf.preload_app is True
    assert conf.max_requests >= 10000
