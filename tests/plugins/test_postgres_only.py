"""A test marked `postgres` runs on PostgreSQL only: skipped elsewhere, so failed in CI."""

import pytest
from django.db import connection

from tests.plugins.no_skips import ENV_VAR

ON_POSTGRESQL = connection.vendor == "postgresql"
MARKED_TEST = """
import pytest

@pytest.mark.postgres
def test_on_postgresql():
    pass
"""


def run(pytester, *plugins):
    pytester.makepyfile(MARKED_TEST)
    options = ["-p", "no:django", "-p", "no:cacheprovider", "-rs"]
    for plugin in plugins:
        options += ["-p", plugin]
    return pytester.runpytest(*options)


def test_a_postgresql_only_test_is_skipped_on_another_database(pytester, monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)

    result = run(pytester, "tests.plugins.postgres_only")

    if ON_POSTGRESQL:
        result.assert_outcomes(passed=1)
    else:
        result.assert_outcomes(skipped=1)
        result.stdout.fnmatch_lines([f"*needs PostgreSQL; the database is {connection.vendor}*"])


def test_a_postgresql_only_test_fails_a_ci_run_on_another_database(pytester, monkeypatch):
    monkeypatch.setenv(ENV_VAR, "1")

    result = run(pytester, "tests.plugins.postgres_only", "tests.plugins.no_skips")

    if ON_POSTGRESQL:
        result.assert_outcomes(passed=1)
    else:
        result.assert_outcomes(errors=1)
        assert result.ret == pytest.ExitCode.TESTS_FAILED
