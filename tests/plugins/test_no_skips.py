"""With MIGRANTHEROES_NO_SKIPS=1 (as in CI) a skipped test fails the run; without, it skips.

Each test runs a small test file in a pytest of its own, with only the no_skips plugin.
"""

import pytest

from tests.plugins.no_skips import ENV_VAR

ONLY_THE_PLUGIN = ("-p", "no:django", "-p", "no:cacheprovider", "-p", "tests.plugins.no_skips")

SKIPS_IN_THE_TEST = """
import pytest

def test_needs_the_network():
    pytest.skip("no network here")

def test_passes():
    pass
"""


def run(pytester, source):
    pytester.makepyfile(source)
    return pytester.runpytest(*ONLY_THE_PLUGIN)


@pytest.fixture
def skips_not_allowed(monkeypatch):
    monkeypatch.setenv(ENV_VAR, "1")


@pytest.fixture
def skips_allowed(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)


def test_a_skipped_test_fails_when_skips_are_not_allowed(pytester, skips_not_allowed):
    result = run(pytester, SKIPS_IN_THE_TEST)

    result.assert_outcomes(failed=1, passed=1)
    result.stdout.fnmatch_lines(
        ["*skipped tests are not allowed in CI (MIGRANTHEROES_NO_SKIPS=1): no network here*"]
    )
    assert result.ret == pytest.ExitCode.TESTS_FAILED


def test_a_skipped_test_skips_when_skips_are_allowed(pytester, skips_allowed):
    result = run(pytester, SKIPS_IN_THE_TEST)

    result.assert_outcomes(skipped=1, passed=1)
    assert result.ret == pytest.ExitCode.OK


def test_only_1_turns_skips_into_failures(pytester, monkeypatch):
    monkeypatch.setenv(ENV_VAR, "0")

    run(pytester, SKIPS_IN_THE_TEST).assert_outcomes(skipped=1, passed=1)


def test_a_test_skipped_by_a_marker_fails_when_skips_are_not_allowed(pytester, skips_not_allowed):
    result = run(
        pytester,
        """
        import pytest

        @pytest.mark.skipif(True, reason="needs PostgreSQL")
        def test_on_postgresql():
            pass
        """,
    )

    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*skipped tests are not allowed in CI*needs PostgreSQL*"])


def test_a_module_skipped_at_import_fails_when_skips_are_not_allowed(pytester, skips_not_allowed):
    result = run(
        pytester,
        """
        import pytest

        pytest.importorskip("a_module_that_is_not_installed")

        def test_never_runs():
            pass
        """,
    )

    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*skipped tests are not allowed in CI*"])
    assert result.ret == pytest.ExitCode.INTERRUPTED


def test_an_expected_failure_is_not_a_skip(pytester, skips_not_allowed):
    result = run(
        pytester,
        """
        import pytest

        @pytest.mark.xfail(reason="known bug", strict=True)
        def test_known_bug():
            assert False
        """,
    )

    result.assert_outcomes(xfailed=1)
    assert result.ret == pytest.ExitCode.OK
