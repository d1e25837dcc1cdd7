"""Move the demo's voting round in time, to try every phase of the vote on the site."""

import datetime as dt
import random

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from cms.core import cache as public_cache
from heroes import selectors, voting
from heroes.models import Ballot, BallotChoice, ShortlistedStory, VotingRound

PHASES = ("before", "open", "closed", "results")
DEMO_VOTERS = 40


class Command(BaseCommand):
    help = (
        "Move the current voting round's window (demo only): 'before' opens it in 3 days, "
        "'open' opened it yesterday, 'closed' closed it yesterday (with demo ballots), "
        "'results' also enters Facebook tallies. Its dates stay whole days (00:00 to 23:59) "
        "in its time zone. It skips the rule that freezes an open round: never in production."
    )

    def add_arguments(self, parser):
        parser.add_argument("--phase", choices=PHASES, required=True)

    @transaction.atomic
    def handle(self, *args, phase, **options):
        voting_round = selectors.current_voting_round()
        if voting_round is None:
            raise CommandError("There is no voting round: run `python manage.py load_demo`.")
        today = timezone.localdate(timezone=voting_round.tz)
        first_day = {
            "before": today + dt.timedelta(days=3),
            "open": today - dt.timedelta(days=1),
            "closed": today - dt.timedelta(days=11),
            "results": today - dt.timedelta(days=11),
        }[phase]
        opens_at = dt.datetime.combine(first_day, dt.time.min, tzinfo=voting_round.tz)
        closes_at = dt.datetime.combine(
            first_day + dt.timedelta(days=9), dt.time.max, tzinfo=voting_round.tz
        )
        VotingRound.objects.filter(pk=voting_round.pk).update(
            opens_at=opens_at, closes_at=closes_at
        )
        shortlist = ShortlistedStory.objects.filter(round=voting_round)
        if phase in ("closed", "results"):
            self._demo_ballots(voting_round, opens_at)
        tallies = phase == "results"
        for item in shortlist:
            item.facebook_votes = (
                random.Random(item.story_id).randint(20, 400)  # noqa: S311 (demo numbers)
                if tallies
                else None
            )
            item.save(update_fields=["facebook_votes"])
        public_cache.invalidate_now_and_on_commit()
        self.stdout.write(
            f"{voting_round.title}: {phase}, "
            f"{timezone.localtime(opens_at, voting_round.tz):%Y-%m-%d %H:%M} to "
            f"{timezone.localtime(closes_at, voting_round.tz):%Y-%m-%d %H:%M} "
            f"({voting_round.time_zone})"
        )

    def _demo_ballots(self, voting_round, opens_at):
        """Confirmed ballots of example.org voters, so the results show counts."""
        if Ballot.objects.filter(round=voting_round).exists():
            return
        stories = list(voting_round.shortlist.values_list("story_id", flat=True))
        chance = random.Random(voting_round.pk)  # noqa: S311 (demo ballots)
        for n in range(DEMO_VOTERS):
            email = f"demo-voter-{n}@example.org"
            ballot = Ballot.objects.create(
                round=voting_round,
                email=email,
                email_key=voting.voter_key(email),
                confirmed_at=opens_at + dt.timedelta(hours=n),
            )
            BallotChoice.objects.bulk_create(
                BallotChoice(ballot=ballot, story_id=story_id)
                for story_id in chance.sample(stories, chance.randint(1, voting_round.max_choices))
            )
