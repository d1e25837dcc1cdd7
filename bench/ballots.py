"""Ballots waiting for their confirmation, for the HTTP benchmark's ballot confirmation.

A confirmation link works once, so every request of a run needs a token of its own: each
run gets a fresh batch of unconfirmed ballots in an open voting round of the benchmark's own,
and wrk (bench/wrk/report.lua, BENCH_TOKENS_FILE) posts one token per request. The round and
its ballots are deleted at the end (forget).
"""

import datetime as dt

ROUND_TITLE = "Benchmark round (deleted after the run)"


def _open_round():
    from django.utils import timezone

    from heroes.models import VotingRound

    voting_round = VotingRound.objects.filter(title=ROUND_TITLE).first()
    if voting_round is None:
        now = timezone.now()
        voting_round = VotingRound.objects.create(
            title=ROUND_TITLE,
            opens_at=now - dt.timedelta(hours=1),
            closes_at=now + dt.timedelta(days=1),
            time_zone="UTC",
        )
    return voting_round


def write_tokens(path, *, count):
    """`count` new unconfirmed ballots in the benchmark's open round; their link tokens, one a
    line, written to `path` (returned)."""
    from django.db import connection

    from heroes.models import Ballot
    from heroes.voting import ballot_token

    voting_round = _open_round()
    first = Ballot.objects.filter(round=voting_round).count()
    ballots = Ballot.objects.bulk_create(
        [
            Ballot(
                round=voting_round,
                email=f"voter{number}@example.org",
                email_key=f"bench-{number}",
                language="en",
            )
            for number in range(first, first + count)
        ],
        batch_size=5000,
    )
    path.write_text("".join(f"{ballot_token(ballot)}\n" for ballot in ballots))
    connection.close()  # the app servers get the database to themselves during the run
    return path


def forget():
    from heroes.models import VotingRound

    VotingRound.objects.filter(title=ROUND_TITLE).delete()
