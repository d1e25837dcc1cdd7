"""CI allows no skipped test: with MIGRANTHEROES_NO_SKIPS=1, a skip is reported as a failure.

A test that skips in CI is a test that does not run where it matters (a PostgreSQL-only test
on a SQLite CI, a missing optional dependency …), so the run must go red rather than green.
Expected failures (xfail) are not skips and are left alone.

Loaded by tests/conftest.py; free of Django so that a bare pytest run can load it too
(`pytest -p tests.plugins.no_skips`).
"""

import os

import pytest

ENV_VAR = "MIGRANTHEROES_NO_SKIPS"


def skips_are_failures():
    return os.environ.get(ENV_VAR) == "1"


def _reason(report):
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        # (path, line number, "Skipped: reason")
        return longrepr[2].removeprefix("Skipped: ")
    return str(longrepr)


def _fail(report):
    report.outcome = "failed"
    report.longrepr = f"skipped tests are not allowed in CI ({ENV_VAR}=1): {_reason(report)}"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if skips_are_failures() and report.skipped and not hasattr(report, "wasxfail"):
        _fail(report)
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector):
    """A whole module skipped at import (`pytest.importorskip`, a module-level `pytest.skip`)."""
    report = yield
    if skips_are_failures() and report.skipped:
        _fail(report)
    return report
