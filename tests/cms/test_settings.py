"""Settings come from the environment, and production stops at start-up without its secrets.

Each test starts a fresh Python with a chosen environment: settings are read once per process.
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
# What the machine running the tests may have set, and the settings under test read.
SETTINGS_VARIABLES = (
    "DJANGO_SETTINGS_MODULE",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "REDIS_URL",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "DEEPL_API_KEY",
)

pytestmark = pytest.mark.slow


def run_python(*args, settings, **environment):
    env = {key: value for key, value in os.environ.items() if key not in SETTINGS_VARIABLES}
    env.update(DJANGO_SETTINGS_MODULE=settings, **environment)
    return subprocess.run(
        [sys.executable, *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def a_secret_key():
    return secrets.token_urlsafe(50)


def test_production_refuses_to_start_without_a_secret_key():
    result = run_python(
        "-c",
        "import django; django.setup()",
        settings="cms.settings.production",
        ALLOWED_HOSTS="example.org",
    )

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_its_host_names():
    result = run_python(
        "-c",
        "import django; django.setup()",
        settings="cms.settings.production",
        SECRET_KEY=a_secret_key(),
    )

    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_production_passes_the_deployment_checks_without_a_warning():
    result = run_python(
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        settings="cms.settings.production",
        SECRET_KEY=a_secret_key(),
        ALLOWED_HOSTS="example.org",
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_the_database_comes_from_database_url():
    result = run_python(
        "-c",
        "import django; django.setup(); from django.conf import settings; "
        "db = settings.DATABASES['default']; print(db['ENGINE'], db['NAME'], db['HOST'])",
        settings="cms.settings.dev",
        DATABASE_URL="postgres://u@h/db",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.db.backends.postgresql", "db", "h"]


def test_the_cache_is_redis_when_redis_url_is_set_else_this_processs_memory():
    print_backend = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.CACHES['default']['BACKEND'])"
    )

    with_redis = run_python(
        "-c", print_backend, settings="cms.settings.dev", REDIS_URL="redis://127.0.0.1:6379/1"
    )
    without = run_python("-c", print_backend, settings="cms.settings.dev")

    assert with_redis.stdout.strip() == "django_redis.cache.RedisCache", with_redis.stderr
    assert without.stdout.strip() == "django.core.cache.backends.locmem.LocMemCache", without.stderr


def test_a_boolean_setting_refuses_a_value_that_is_not_a_boolean():
    result = run_python(
        "-c",
        "import django; django.setup()",
        settings="cms.settings.production",
        SECRET_KEY=a_secret_key(),
        ALLOWED_HOSTS="example.org",
        SECURE_SSL_REDIRECT="sometimes",
    )

    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT must be a boolean" in result.stderr


@pytest.mark.parametrize(
    ("settings", "key", "translator"),
    [
        ("cms.settings.production", "a-deepl-key:fx", "DeepLTranslator"),
        ("cms.settings.dev", "a-deepl-key:fx", "DeepLTranslator"),
        ("cms.settings.dev", "", "DummyTranslator"),
        ("cms.settings.production", "", "None"),
    ],
)
def test_machine_translation_is_deepl_when_a_key_is_set(settings, key, translator):
    """wagtail-localize's translator: DeepL with DEEPL_API_KEY, the dummy in development."""
    code = (
        "from django.conf import settings as s; from wagtail_localize.machine_translators "
        "import get_machine_translator as g; t = g(); print(type(t).__name__ if t else None)"
    )
    result = run_python(
        "-c",
        "import django; django.setup(); " + code,
        settings=settings,
        SECRET_KEY=a_secret_key(),
        ALLOWED_HOSTS="example.org",
        DEEPL_API_KEY=key,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == translator
