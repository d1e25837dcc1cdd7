"""A production deployment for a test: a real database, Redis, production settings.

`deployment` gives a test what app servers and a publishing process share: a PostgreSQL
database of its own (a copy of the migrated test database, made in a second instead of a
minute of migrations; never the test's transaction), a Redis database emptied before and
after, a collectstatic for production's manifest storage, and the environment every process
of the deployment runs with. The test starts the processes it needs (tests/deploy/servers.py).
"""

import os
import secrets
import time
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import quote

import psycopg2
import pytest
import redis
from psycopg2 import sql

from tests.deploy.servers import run_python

#: The deployment's own Redis database, emptied by each test (the suite's is REDIS_URL's).
REDIS_URL = "redis://127.0.0.1:6379/2"


def production_environment(**variables):
    """The environment of a process of the deployment: production settings and `variables`.

    Nothing else of the machine's environment reaches the settings.
    """
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/tmp"),  # noqa: S108
        "LANG": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "LOG_LEVEL": "ERROR",
        **variables,
    }


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """Production's static files, collected once: its storage serves them from a manifest."""
    root = tmp_path_factory.mktemp("static")
    run_python(
        "manage.py",
        "collectstatic",
        "--noinput",
        "--verbosity",
        "0",
        env=production_environment(
            SECRET_KEY=secrets.token_urlsafe(50), REDIS_URL=REDIS_URL, STATIC_ROOT=str(root)
        ),
    )
    return root


def _admin_connection(settings_dict):
    connection = psycopg2.connect(
        dbname="postgres",
        user=settings_dict["USER"],
        password=settings_dict["PASSWORD"],
        host=settings_dict["HOST"],
        port=settings_dict["PORT"] or 5432,
    )
    connection.autocommit = True
    return connection


def _database_url(settings_dict, name):
    user = quote(settings_dict["USER"] or "", safe="")
    password = f":{quote(settings_dict['PASSWORD'], safe='')}" if settings_dict["PASSWORD"] else ""
    host = settings_dict["HOST"] or "127.0.0.1"
    return f"postgres://{user}{password}@{host}:{settings_dict['PORT'] or 5432}/{name}"


@pytest.fixture
def deployment_database(transactional_db, django_db_serialized_rollback):
    """The URL of a new database: a copy of the migrated test database, dropped afterwards.

    The test runs outside a transaction (its database holds the migrations' data, restored
    by serialized_rollback), so the test database can be the template of a copy.
    """
    from django.db import connection, connections

    settings_dict = dict(connection.settings_dict)
    connections.close_all()  # a template database may have no other session
    template = settings_dict["NAME"]
    name = f"{template}_deploy_{secrets.token_hex(4)}"
    admin = _admin_connection(settings_dict)
    try:
        for attempt in range(20):
            try:
                with admin.cursor() as cursor:
                    cursor.execute(
                        sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                            sql.Identifier(name), sql.Identifier(template)
                        )
                    )
                break
            except psycopg2.errors.ObjectInUse:
                if attempt == 19:
                    raise
                time.sleep(0.5)
        yield _database_url(settings_dict, name)
    finally:
        with admin.cursor() as cursor:
            cursor.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
        admin.close()


@pytest.fixture
def deployment_redis():
    client = redis.Redis.from_url(REDIS_URL)
    client.flushdb()
    yield REDIS_URL
    client.flushdb()


@pytest.fixture
def deployment(deployment_database, deployment_redis, static_root, tmp_path):
    """What every process of one deployment shares: its settings' environment and a folder."""
    media_root = tmp_path / "media"
    return SimpleNamespace(
        work_dir=tmp_path,
        environment=production_environment(
            SECRET_KEY=secrets.token_urlsafe(50),
            DATABASE_URL=deployment_database,
            REDIS_URL=deployment_redis,
            STATIC_ROOT=str(static_root),
            MEDIA_ROOT=str(media_root),
            PRIVATE_MEDIA_ROOT=str(Path(f"{media_root}-private")),
        ),
    )
