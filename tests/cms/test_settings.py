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
    "ALLOW_LOCAL_CACHE",
    "STATIC_ROOT",
)
#: A shared cache for production (its settings only read the URL; nothing connects to it).
REDIS_URL = "redis://127.0.0.1:6379/0"

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


def test_production_passes_the_deployment_checks_without_a_warning(collected_static):
    result = run_python(
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        settings="cms.settings.production",
        SECRET_KEY=a_secret_key(),
        ALLOWED_HOSTS="example.org",
        REDIS_URL=REDIS_URL,
        STATIC_ROOT=str(collected_static),
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


def test_the_cache_is_redis_when_redis_url_is_set_else_files_every_process_shares():
    print_backend = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.CACHES['default']['BACKEND'])"
    )

    with_redis = run_python(
        "-c", print_backend, settings="cms.settings.dev", REDIS_URL="redis://127.0.0.1:6379/1"
    )
    without = run_python("-c", print_backend, settings="cms.settings.dev")

    assert with_redis.stdout.strip() == "django_redis.cache.RedisCache", with_redis.stderr
    assert without.stdout.strip() == "django.core.cache.backends.filebased.FileBasedCache", (
        without.stderr
    )


def test_a_boolean_setting_refuses_a_value_that_is_not_a_boolean():
    result = run_python(
        "-c",
        "import django; django.setup()",
        settings="cms.settings.production",
        SECRET_KEY=a_secret_key(),
        ALLOWED_HOSTS="example.org",
        REDIS_URL=REDIS_URL,
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
        REDIS_URL=REDIS_URL,
        DEEPL_API_KEY=key,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == translator


def production(*args, **environment):
    """Run Python with production settings, a secret key and host names."""
    return run_python(
        *args,
        settings="cms.settings.production",
        SECRET_KEY=a_secret_key(),
        ALLOWED_HOSTS="example.org",
        **environment,
    )


PRINT_CACHE = (
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.CACHES['default']['BACKEND'])"
)


def test_production_refuses_to_start_without_a_shared_cache():
    result = production("-c", PRINT_CACHE)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "REDIS_URL is not set" in result.stderr


def test_production_keeps_its_cache_in_redis_or_on_one_machine_when_told_to():
    shared = production("-c", PRINT_CACHE, REDIS_URL=REDIS_URL)
    local = production("-c", PRINT_CACHE, ALLOW_LOCAL_CACHE="1")

    assert shared.stdout.strip() == "django_redis.cache.RedisCache", shared.stderr
    assert local.stdout.strip() == "django.core.cache.backends.filebased.FileBasedCache", (
        local.stderr
    )


@pytest.fixture(scope="module")
def collected_static(tmp_path_factory):
    """Production's static files, collected as the README's deployment steps say."""
    root = tmp_path_factory.mktemp("static")
    result = production(
        "manage.py", "collectstatic", "--noinput", "-v0", REDIS_URL=REDIS_URL, STATIC_ROOT=str(root)
    )
    assert result.returncode == 0, result.stderr
    return root


def test_the_deployment_checks_warn_when_the_static_files_are_not_collected(tmp_path):
    result = production(
        "manage.py", "check", "--deploy", REDIS_URL=REDIS_URL, STATIC_ROOT=str(tmp_path)
    )

    assert "core.W001" in result.stderr
    assert "collectstatic --noinput" in result.stderr


def test_the_app_refuses_to_start_before_collectstatic_and_starts_after(tmp_path, collected_static):
    start = "import cms.wsgi; print('started')"

    before = production("-c", start, REDIS_URL=REDIS_URL, STATIC_ROOT=str(tmp_path))
    after = production("-c", start, REDIS_URL=REDIS_URL, STATIC_ROOT=str(collected_static))

    assert before.returncode != 0
    assert "The static files are not collected" in before.stderr
    assert "collectstatic --noinput" in before.stderr
    assert after.returncode == 0, after.stderr
    assert after.stdout.strip() == "started"
