"""The demo's public vote: a round on the seed's dates, and a command to try every phase."""

import datetime as dt
import zoneinfo

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from heroes.models import NominatePage, VotePage, VotingRound
from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_the_demo_votes_1_to_10_november_and_moves_through_every_phase(client, settings):
    call_command("load_demo", year=2026, verbosity=0)
    voting_round = VotingRound.objects.get()
    zone = zoneinfo.ZoneInfo(settings.CAMPAIGN_TIME_ZONE)
    home = HomePage.objects.get(locale=Locale.get_default())
    nominate = NominatePage.objects.get(locale=home.locale)

    assert voting_round.opens_at == dt.datetime(2026, 11, 1, tzinfo=zone)
    assert voting_round.local_closes_at().replace(tzinfo=None) == dt.datetime(
        2026, 11, 10, 23, 59, 59, 999_999
    )
    assert voting_round.shortlist.count() == 10
    assert VotePage.objects.live().count() == 4  # one per language
    assert [block.value["link_page"].pk for block in home.calls_to_action] == [nominate.pk]

    texts = {}
    for phase in ("before", "open", "closed", "results"):
        call_command("move_voting_round", phase=phase, verbosity=0)
        assert VotingRound.objects.get().phase() == phase
        texts[phase] = client.get("/en/").text

    assert "See the 10 stories" in texts["before"]
    assert "Vote now" in texts["open"]
    assert "The winners of the public vote" in texts["results"]
    assert 'href="/en/nominate/"' in texts["open"]
