"""A voter's address is personal data: exported, erased and let go like the others."""

import datetime as dt

import pytest
from django.utils import timezone

from heroes import personal_data, voting
from heroes.models import Ballot

pytestmark = pytest.mark.django_db

ADDRESS = "Voter+news@Example.org"


def cast(voting_round, ten_stories, email=ADDRESS):
    voting.cast_ballot(
        voting_round=voting_round,
        story_ids=[ten_stories[0].pk],
        email=email,
        client="198.51.100.7",
        language="en",
    )
    return Ballot.objects.get(round=voting_round)


def test_the_export_finds_a_voters_ballot_whatever_the_spelling(voting_round, ten_stories):
    cast(voting_round, ten_stories)

    exported = personal_data.export("voter@example.org")

    assert "voter+news@example.org" in str(exported).lower()
    assert "ballot" in str(exported)


def test_erasing_during_the_vote_deletes_the_ballot(voting_round, ten_stories):
    cast(voting_round, ten_stories)

    personal_data.erase(ADDRESS)

    assert not Ballot.objects.exists()


def test_erasing_after_the_close_keeps_the_count_but_nothing_leads_back(voting_round, ten_stories):
    ballot = cast(voting_round, ten_stories)
    Ballot.objects.filter(pk=ballot.pk).update(confirmed_at=timezone.now())
    voting_round.closes_at = timezone.now() - dt.timedelta(minutes=1)
    voting_round.save(update_fields=["closes_at"])

    personal_data.erase(ADDRESS)

    ballot.refresh_from_db()
    assert ballot.email == ""
    assert ballot.email_key.startswith("erased-")
    assert not any(personal_data.found(ADDRESS).values())


def test_retention_drops_the_addresses_of_a_round_closed_long_enough(
    voting_round, ten_stories, settings
):
    ballot = cast(voting_round, ten_stories)
    settings.VOTER_EMAIL_RETENTION_DAYS = 30
    voting_round.opens_at = timezone.now() - dt.timedelta(days=41)
    voting_round.closes_at = timezone.now() - dt.timedelta(days=31)
    voting_round.save(update_fields=["opens_at", "closes_at"])

    personal_data.apply_retention()

    ballot.refresh_from_db()
    assert ballot.email == ""
    assert ballot.email_key  # the one-ballot rule's keyed hash stays with the count
