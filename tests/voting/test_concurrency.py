"""Many voters at once: one ballot per mailbox, every confirmation counted exactly once, and
the demo's SQLite queues concurrent writers instead of failing with "database is locked"."""

import threading
import time

import pytest
from django.db import connection, connections, transaction
from django.test import Client

from cms.settings.base import SQLITE_OPTIONS
from heroes import voting
from heroes.models import Ballot

BALLOTS = "/api/v3/voting/ballots/"


def run_in_threads(count, work):
    """Run `work(n)` in `count` threads started together, each with its own connection."""
    barrier = threading.Barrier(count)
    results, errors = [None] * count, []

    def run(n):
        try:
            barrier.wait()
            results[n] = work(n)
        except Exception as error:
            errors.append(error)
        finally:
            for alias in connections:
                connections[alias].close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return results


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_identical_ballots_sent_at_once_store_one(voting_round, ten_stories, settings):
    settings.BALLOTS_PER_HOUR = 1000
    body = {"stories": [story.pk for story in ten_stories[:3]], "email": "same@example.org"}

    statuses = run_in_threads(
        50, lambda n: Client().post(BALLOTS, body, content_type="application/json").status_code
    )

    assert set(statuses) == {202}
    assert Ballot.objects.count() == 1
    assert Ballot.objects.get().choices.count() == 3


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_thousand_confirmations_at_once_count_exactly_a_thousand(voting_round, ten_stories):
    ballots = Ballot.objects.bulk_create(
        Ballot(
            round=voting_round,
            email=f"voter{n}@example.org",
            email_key=voting.voter_key(f"voter{n}@example.org"),
        )
        for n in range(1000)
    )
    tokens = [voting.ballot_token(ballot) for ballot in ballots]
    workers = 8

    def confirm_share(n):
        for token in tokens[n::workers]:
            voting.confirm_ballot(token=token, voting_round=voting_round)

    def reuse_share(n):
        for token in tokens[n::workers]:
            with pytest.raises(voting.LinkUsed):
                voting.confirm_ballot(token=token, voting_round=voting_round)

    started = time.perf_counter()
    run_in_threads(workers, confirm_share)
    elapsed = time.perf_counter() - started
    run_in_threads(workers, reuse_share)  # every link opened again counts nothing

    assert voting.results(voting_round).ballots == 1000
    print(f"1000 confirmations in {elapsed:.2f} s: {1000 / elapsed:.0f}/s")


@pytest.fixture
def demo_like_sqlite(tmp_path, django_db_blocker):
    """A SQLite file database configured as the demo's (cms.settings.base.SQLITE_OPTIONS)."""
    alias = "demo_sqlite"
    connections.settings[alias] = {
        **connections.settings["default"],
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(tmp_path / "demo.sqlite3"),
        "OPTIONS": dict(SQLITE_OPTIONS),
        "TEST": {"NAME": str(tmp_path / "demo.sqlite3")},
        "ATOMIC_REQUESTS": False,
        "AUTOCOMMIT": True,
        "CONN_MAX_AGE": 0,
        "CONN_HEALTH_CHECKS": False,
        "HOST": "",
        "PORT": "",
        "USER": "",
        "PASSWORD": "",
    }
    with django_db_blocker.unblock():
        with connections[alias].cursor() as cursor:
            cursor.execute("CREATE TABLE tally (votes integer NOT NULL)")
            cursor.execute("INSERT INTO tally VALUES (0)")
        yield alias
        connections[alias].close()
    del connections.settings[alias]


def test_concurrent_writers_on_the_demos_sqlite_queue_instead_of_failing(demo_like_sqlite):
    """Each writer reads then writes in one transaction, the pattern that makes a deferred
    SQLite transaction fail at once with "database is locked" when two run together."""
    alias = demo_like_sqlite

    def add_votes(_n):
        for _ in range(20):
            with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
                cursor.execute("SELECT votes FROM tally")
                (votes,) = cursor.fetchone()
                time.sleep(0.001)
                cursor.execute("UPDATE tally SET votes = %s", [votes + 1])

    run_in_threads(8, add_votes)

    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT votes FROM tally")
        assert cursor.fetchone() == (160,)
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone() == ("wal",)
    assert connection.vendor in {"postgresql", "sqlite"}
