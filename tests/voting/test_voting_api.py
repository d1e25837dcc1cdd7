"""/api/v3/voting/: the current round as cards, ballots and their confirmation, results."""

import datetime as dt

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone

from heroes.models import Ballot, VotingRound
from tests.voting.conftest import confirmation_token

pytestmark = pytest.mark.django_db
CURRENT = "/api/v3/voting/current/"
RESULTS = "/api/v3/voting/results/"
BALLOTS = "/api/v3/voting/ballots/"
CONFIRM = "/api/v3/voting/ballots/confirm/"


def vote(client, stories, email="voter@example.org", **extra):
    return client.post(
        BALLOTS,
        {"stories": [story.pk for story in stories], "email": email},
        content_type="application/json",
        **extra,
    )


def confirm(client, token):
    return client.post(CONFIRM, {"token": token}, content_type="application/json")


def close(voting_round):
    """Days pass: the round closes (and what was cached days ago has long expired)."""
    VotingRound.objects.filter(pk=voting_round.pk).update(
        closes_at=timezone.now() - dt.timedelta(seconds=1)
    )
    cache.clear()


def test_the_current_round_lists_its_ten_stories_as_cards_with_its_window_and_phase(
    client, voting_round, ten_stories
):
    body = client.get(CURRENT).json()

    assert [card["id"] for card in body["stories"]] == [story.pk for story in ten_stories]
    assert {"hero_name", "headline", "photo", "url", "mission"} <= set(body["stories"][0])
    assert body["phase"] == "open"
    assert body["round"]["time_zone"] == "Europe/Zurich"
    assert body["round"]["closes_at"].endswith(("+01:00", "+02:00"))
    assert body["vote_page_url"].endswith("/en/vote/")
    assert body["results"] is None


def test_a_ballot_is_accepted_then_counts_once_confirmed(
    client, voting_round, ten_stories, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = vote(client, ten_stories[:3])

    assert response.status_code == 202
    assert response.json() == {"status": "confirmation_sent"}
    token = confirmation_token()
    assert confirm(client, token).json() == {"status": "confirmed"}
    reused = confirm(client, token)
    assert reused.status_code == 409
    assert reused["Content-Type"] == "application/problem+json"
    assert Ballot.objects.get().confirmed_at is not None


@pytest.mark.parametrize("count", [0, 4])
def test_a_wrong_number_of_choices_is_a_problem_naming_the_field(
    client, voting_round, ten_stories, count
):
    response = vote(client, ten_stories[:count], email="nope")

    assert response.status_code == 422
    problem = response.json()
    assert {tuple(error["loc"]) for error in problem["errors"]} == {
        ("body", "ballot", "stories"),
        ("body", "ballot", "email"),
    }
    assert not Ballot.objects.exists()


def test_outside_the_window_a_ballot_is_a_409_problem(client, voting_round, ten_stories):
    close(voting_round)

    response = vote(client, ten_stories[:1])

    assert response.status_code == 409
    assert "not open" in response.json()["detail"]
    assert not Ballot.objects.exists()


def test_a_forged_link_is_a_400_problem(client, voting_round):
    response = confirm(client, "eyJiIjoxfQ:forged:signature")

    assert response.status_code == 400
    assert response.json()["detail"] == "This confirmation link is not valid."


def test_too_many_ballots_from_one_client_get_429_with_retry_after(
    client, voting_round, ten_stories, settings
):
    settings.BALLOTS_PER_HOUR = 2
    assert vote(client, ten_stories[:1], email="a@example.org").status_code == 202
    assert vote(client, ten_stories[:1], email="b@example.org").status_code == 202

    refused = vote(client, ten_stories[:1], email="c@example.org")

    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 3600
    assert Ballot.objects.count() == 2


def test_results_are_hidden_while_open_and_exact_after_the_close(
    client, voting_round, ten_stories, django_capture_on_commit_callbacks
):
    for n, chosen in enumerate([ten_stories[:3], ten_stories[:2], ten_stories[:1]]):
        with django_capture_on_commit_callbacks(execute=True):
            vote(client, chosen, email=f"voter{n}@example.org")
        confirm(client, confirmation_token())
    with django_capture_on_commit_callbacks(execute=True):
        vote(client, ten_stories[5:6], email="unconfirmed@example.org")

    assert client.get(RESULTS).status_code == 409
    assert client.get(CURRENT).json()["results"] is None

    close(voting_round)
    results = client.get(RESULTS).json()

    site_votes = {story["id"]: story["site_votes"] for story in results["stories"]}
    assert [site_votes[story.pk] for story in ten_stories[:6]] == [3, 2, 1, 0, 0, 0]
    assert results["winners"] == [story.pk for story in ten_stories[:3]]
    assert results["ballots"] == 3
    assert results["final"] is False
    assert client.get(CURRENT).json()["phase"] == "closed"
    assert len(mail.outbox) == 4


def test_the_share_kit_of_a_shortlisted_story_invites_to_the_vote(
    client, voting_round, ten_stories
):
    kit = client.get(f"/api/v3/stories/{ten_stories[0].pk}/share/").json()

    assert kit["vote"]["hashtag"] == "#MigrantHeroesVote"
    assert kit["vote"]["url"].endswith("/en/vote/")
    for network in ("facebook", "twitter"):
        assert "#MigrantHeroesVote" in kit[network]["text"]
        assert kit["vote"]["url"] in kit[network]["text"]
    assert len(kit["twitter"]["text"]) <= 280


def test_the_share_kit_of_a_story_off_the_shortlist_has_no_vote(client, voting_round, mission_hub):
    from tests.factories import HeroStoryPageFactory

    other = HeroStoryPageFactory(parent=mission_hub)

    assert client.get(f"/api/v3/stories/{other.pk}/share/").json()["vote"] is None


def test_a_response_is_not_cached_across_a_phase_change(client, voting_round, settings):
    VotingRound.objects.filter(pk=voting_round.pk).update(
        closes_at=timezone.now() + dt.timedelta(seconds=settings.PUBLIC_CACHE_TIMEOUT // 2)
    )

    response = client.get(CURRENT)

    assert "no-store" in response["Cache-Control"]
    assert response.get("X-Cache") != "HIT"
