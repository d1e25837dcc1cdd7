"""Tests marked `postgres` need PostgreSQL: on another database they are skipped.

Locally (SQLite) that is a skip; in CI, where skips are failures (see no_skips), a CI that is
not on PostgreSQL goes red. Needs Django configured (pytest-django does it before collection).
"""

import pytest


def pytest_collection_modifyitems(config, items):
    from django.db import connection

    if connection.vendor == "postgresql":
        return
    skip = pytest.mark.skip(reason=f"needs PostgreSQL; the database is {connection.vendor}")
    for item in items:
        if item.get_closest_marker("postgres"):
            item.add_marker(skip)
