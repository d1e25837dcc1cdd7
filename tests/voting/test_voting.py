"""The vote's rules (heroes.voting): window, choices, one counted ballot per email, links."""

import datetime as dt
import time
import zoneinfo

import pytest
from django.core import mail, signing
from django.core.exceptions import ValidationError
from django.test import TestCase
from django.utils import timezone
from django.utils.http import urlsafe_base64_encode

from heroes import voting
from heroes.models import Ballot, ShortlistedStory
from tests.factories import HeroStoryPageFactory, VotingRoundFactory
from tests.voting.conftest import confirmation_token

pytestmark = pytest.mark.django_db
ZURICH = zoneinfo.ZoneInfo("Europe/Zurich")


def cast(voting_round, stories, email="voter@example.org", **kwargs):
    kwargs.setdefault("client", "client-1")
    kwargs.setdefault("language", "en")
    with TestCase.captureOnCommitCallbacks(execute=True):  # the mail leaves at commit
        return voting.cast_ballot(
            voting_round=voting_round,
            story_ids=[story.pk for story in stories],
            email=email,
            **kwargs,
        )


def counted(voting_round):
    return voting.results(voting_round).ballots


def test_a_ballot_counts_only_once_its_emailed_link_is_confirmed(voting_round, ten_stories):
    cast(voting_round, ten_stories[:3])

    assert counted(voting_round) == 0
    assert mail.outbox[-1].to == ["voter@example.org"]
    assert "/en/vote/confirm/" in mail.outbox[-1].body

    voting.confirm_ballot(token=confirmation_token(), voting_round=voting_round)

    assert counted(voting_round) == 1
    assert voting.site_votes(voting_round) == {story.pk: 1 for story in ten_stories[:3]}


class TestTheWindow:
    """1 November 00:00 to 10 November 23:59 (to its last instant) in the round's time zone."""

    @pytest.fixture
    def november(self, ten_stories, vote_page):
        return VotingRoundFactory(
            stories=ten_stories,
            time_zone="Europe/Zurich",
            opens_at=dt.datetime(2026, 11, 1, 0, 0, tzinfo=ZURICH),
            closes_at=dt.datetime(2026, 11, 10, 23, 59, 59, 999_999, tzinfo=ZURICH),
        )

    @pytest.mark.parametrize(
        ("wall_clock", "phase"),
        [
            (dt.datetime(2026, 10, 31, 23, 59, 59), "before"),
            (dt.datetime(2026, 11, 1, 0, 0, 0), "open"),
            (dt.datetime(2026, 11, 10, 23, 59, 59), "open"),
            (dt.datetime(2026, 11, 11, 0, 0, 0), "closed"),
        ],
    )
    def test_its_edges_are_wall_clock_times_of_the_rounds_time_zone(
        self, november, wall_clock, phase
    ):
        now = wall_clock.replace(tzinfo=ZURICH)

        assert november.phase(now) == phase

    def test_utc_midnight_is_not_the_edge_zurichs_is(self, november):
        # Zurich is UTC+1 in November: 23:30 UTC is 00:30 the next day there.
        assert november.is_open(dt.datetime(2026, 10, 31, 23, 30, tzinfo=dt.UTC))
        assert not november.is_open(dt.datetime(2026, 10, 31, 22, 59, tzinfo=dt.UTC))
        assert november.is_open(dt.datetime(2026, 11, 10, 22, 59, tzinfo=dt.UTC))
        assert not november.is_open(dt.datetime(2026, 11, 10, 23, 0, tzinfo=dt.UTC))

    @pytest.mark.parametrize(
        "wall_clock", [dt.datetime(2026, 10, 31, 23, 59), dt.datetime(2026, 11, 11, 0, 0)]
    )
    def test_outside_it_a_ballot_is_refused_and_nothing_stored(
        self, november, ten_stories, wall_clock
    ):
        with pytest.raises(voting.VotingClosed):
            cast(november, ten_stories[:1], now=wall_clock.replace(tzinfo=ZURICH))

        assert not Ballot.objects.exists()
        assert not mail.outbox

    def test_a_link_opened_after_the_close_counts_nothing(self, november, ten_stories):
        ballot = cast(november, ten_stories[:1], now=dt.datetime(2026, 11, 5, tzinfo=ZURICH))

        with pytest.raises(voting.VotingClosed):
            voting.confirm_ballot(
                token=voting.ballot_token(ballot),
                voting_round=november,
                now=dt.datetime(2026, 11, 11, 0, 0, tzinfo=ZURICH),
            )

        assert counted(november) == 0


class TestChoices:
    @pytest.mark.parametrize("count", [1, 3])
    def test_one_to_three_shortlisted_stories_are_taken(self, voting_round, ten_stories, count):
        ballot = cast(voting_round, ten_stories[:count])

        assert ballot.choices.count() == count

    @pytest.mark.parametrize("count", [0, 4])
    def test_none_or_more_than_three_are_refused(self, voting_round, ten_stories, count):
        with pytest.raises(voting.InvalidBallot) as refused:
            cast(voting_round, ten_stories[:count])

        assert list(refused.value.errors) == ["stories"]
        assert not Ballot.objects.exists()

    def test_the_same_story_twice_is_refused(self, voting_round, ten_stories):
        with pytest.raises(voting.InvalidBallot, match="only once"):
            cast(voting_round, [ten_stories[0], ten_stories[0]])

    def test_a_story_off_the_shortlist_is_refused(self, voting_round, mission_hub):
        other = HeroStoryPageFactory(parent=mission_hub)

        with pytest.raises(voting.InvalidBallot, match="shortlisted stories only"):
            cast(voting_round, [other])

        assert not Ballot.objects.exists()

    def test_a_bad_email_is_named(self, voting_round, ten_stories):
        with pytest.raises(voting.InvalidBallot) as refused:
            cast(voting_round, ten_stories[:1], email="not an address")

        assert list(refused.value.errors) == ["email"]


class TestOneBallotPerEmail:
    @pytest.mark.parametrize(
        ("address", "normalised"),
        [
            ("Voter@Example.ORG", "voter@example.org"),
            ("voter+migrantheroes@example.org", "voter@example.org"),
            ("First.Last+x@googlemail.com", "firstlast@gmail.com"),
            ("first.last@example.org", "first.last@example.org"),
        ],
    )
    def test_an_address_is_normalised_to_its_mailbox(self, address, normalised):
        assert voting.normalise_email(address) == normalised

    @pytest.mark.parametrize(
        "again", ["VOTER@example.org", "voter+second@example.org", " Voter+x@Example.org "]
    )
    def test_a_counted_voter_cannot_vote_again_by_case_or_tag(
        self, voting_round, ten_stories, again
    ):
        cast(voting_round, ten_stories[:3])
        voting.confirm_ballot(token=confirmation_token(), voting_round=voting_round)

        with pytest.raises(voting.AlreadyVoted):
            cast(voting_round, ten_stories[3:6], email=again)

        assert Ballot.objects.count() == 1
        assert set(voting.site_votes(voting_round)) == {story.pk for story in ten_stories[:3]}

    def test_an_unconfirmed_ballot_cast_again_takes_the_new_choices_and_only_the_new_link(
        self, voting_round, ten_stories
    ):
        cast(voting_round, ten_stories[:3])
        first_link = confirmation_token()
        cast(voting_round, ten_stories[5:6], email="Voter+again@example.org")
        second_link = confirmation_token()

        with pytest.raises(voting.LinkReplaced):
            voting.confirm_ballot(token=first_link, voting_round=voting_round)
        voting.confirm_ballot(token=second_link, voting_round=voting_round)

        assert Ballot.objects.count() == 1
        assert voting.site_votes(voting_round) == {ten_stories[5].pk: 1}

    def test_the_database_refuses_a_second_ballot_of_the_same_mailbox(
        self, voting_round, ten_stories
    ):
        from django.db import IntegrityError, transaction

        cast(voting_round, ten_stories[:1])

        with pytest.raises(IntegrityError), transaction.atomic():
            Ballot.objects.create(
                round=voting_round,
                email="VOTER+b@example.org",
                email_key=voting.voter_key("VOTER+b@example.org"),
            )


class TestLinks:
    def test_a_link_works_once(self, voting_round, ten_stories):
        cast(voting_round, ten_stories[:2])
        token = confirmation_token()
        voting.confirm_ballot(token=token, voting_round=voting_round)

        with pytest.raises(voting.LinkUsed):
            voting.confirm_ballot(token=token, voting_round=voting_round)

        assert counted(voting_round) == 1

    def test_a_forged_link_counts_nothing(self, voting_round, ten_stories):
        ballot = cast(voting_round, ten_stories[:2])
        forged = urlsafe_base64_encode(
            signing.dumps(
                {"b": ballot.pk, "r": voting_round.pk, "v": 1}, salt=voting.TOKEN_SALT, key="guess"
            ).encode()
        )

        for token in (forged, confirmation_token()[:-2] + "xx", "nonsense"):
            with pytest.raises(voting.LinkForged):
                voting.confirm_ballot(token=token, voting_round=voting_round)

        assert counted(voting_round) == 0

    def test_an_expired_link_counts_nothing(self, voting_round, ten_stories, settings):
        ballot = cast(voting_round, ten_stories[:2])

        class ThreeDaysAgo(signing.TimestampSigner):
            def timestamp(self):
                return signing.b62_encode(int(time.time()) - 3 * 24 * 3600)

        old = urlsafe_base64_encode(
            ThreeDaysAgo(salt=voting.TOKEN_SALT)
            .sign_object({"b": ballot.pk, "r": voting_round.pk, "v": ballot.link_version})
            .encode()
        )
        settings.BALLOT_LINK_MAX_AGE = 2 * 24 * 3600

        with pytest.raises(voting.LinkExpired):
            voting.confirm_ballot(token=old, voting_round=voting_round)

        assert counted(voting_round) == 0

    def test_another_rounds_link_counts_nothing(self, voting_round, ten_stories):
        last_year = VotingRoundFactory(
            stories=ten_stories,
            opens_at=timezone.now() - dt.timedelta(days=400),
            closes_at=timezone.now() - dt.timedelta(days=390),
        )
        old_ballot = Ballot.objects.create(
            round=last_year, email="voter@example.org", email_key=voting.voter_key("voter@x")
        )

        with pytest.raises(voting.LinkOfAnotherRound):
            voting.confirm_ballot(token=voting.ballot_token(old_ballot), voting_round=voting_round)

        assert not Ballot.objects.filter(confirmed_at__isnull=False).exists()


class TestResults:
    def test_counts_are_site_and_facebook_apart_and_together_and_three_win(
        self, voting_round, ten_stories
    ):
        for n, choice in enumerate([[0, 1, 2], [0, 1], [0, 3], [4]]):
            cast(voting_round, [ten_stories[i] for i in choice], email=f"v{n}@example.org")
            voting.confirm_ballot(token=confirmation_token(), voting_round=voting_round)
        cast(voting_round, [ten_stories[9]], email="never-confirmed@example.org")
        ShortlistedStory.objects.filter(round=voting_round).update(facebook_votes=0)
        ShortlistedStory.objects.filter(round=voting_round, story=ten_stories[4]).update(
            facebook_votes=5
        )

        results = voting.results(voting_round)

        by_story = {result.story_id: result for result in results.stories}
        assert (by_story[ten_stories[0].pk].site_votes, by_story[ten_stories[0].pk].total) == (3, 3)
        assert (by_story[ten_stories[4].pk].site_votes, by_story[ten_stories[4].pk].total) == (1, 6)
        assert by_story[ten_stories[9].pk].site_votes == 0
        assert [result.story_id for result in results.winners] == [
            ten_stories[4].pk,
            ten_stories[0].pk,
            ten_stories[1].pk,
        ]
        assert results.final and results.ballots == 4


class TestTheRoundsRules:
    def test_a_round_shortlists_exactly_ten_distinct_live_source_stories(
        self, voting_round, ten_stories, mission_hub
    ):
        voting_round.opens_at = timezone.now() + dt.timedelta(days=1)
        voting_round.closes_at = voting_round.opens_at + dt.timedelta(days=10)
        voting_round.save()
        draft = HeroStoryPageFactory(parent=mission_hub, draft=True)
        shortlists = {
            "nine": ten_stories[:9],
            "a draft": [*ten_stories[:9], draft],
            "twice": [*ten_stories[:9], ten_stories[0]],
        }
        for stories in shortlists.values():
            with pytest.raises(ValidationError) as refused:
                voting.check_round_change(
                    voting_round=voting_round, shortlist=[(story, None) for story in stories]
                )
            assert "shortlist" in refused.value.message_dict

        voting.check_round_change(
            voting_round=voting_round, shortlist=[(story, None) for story in ten_stories]
        )

    def test_once_open_its_rules_and_shortlist_are_frozen(
        self, voting_round, ten_stories, mission_hub
    ):
        other = HeroStoryPageFactory(parent=mission_hub)
        voting_round.refresh_from_db()
        voting_round.closes_at += dt.timedelta(days=1)
        voting_round.max_choices = 5

        with pytest.raises(ValidationError) as refused:
            voting.check_round_change(
                voting_round=voting_round,
                shortlist=[(story, None) for story in [*ten_stories[:9], other]],
            )

        assert {"closes_at", "max_choices", "shortlist"} <= set(refused.value.message_dict)

    def test_before_it_opens_its_rules_may_change(self, voting_round, ten_stories):
        voting_round.opens_at = timezone.now() + dt.timedelta(days=1)
        voting_round.closes_at = voting_round.opens_at + dt.timedelta(days=10)
        voting_round.save()
        voting_round.max_choices = 2

        voting.check_round_change(
            voting_round=voting_round, shortlist=[(story, None) for story in ten_stories]
        )

    def test_facebook_tallies_are_entered_after_the_close_only(self, voting_round, ten_stories):
        shortlist = [(story, 10) for story in ten_stories]
        with pytest.raises(ValidationError, match="once the vote has closed"):
            voting.check_round_change(voting_round=voting_round, shortlist=shortlist)

        voting_round.closes_at = timezone.now() - dt.timedelta(minutes=1)
        voting_round.save()
        voting.check_round_change(voting_round=voting_round, shortlist=shortlist)
