"""The vote page in every language, its confirmation link, and the home page's vote card."""

import datetime as dt

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Locale

from cms.core.locales import sync_locales
from heroes.models import Ballot, HeroStoryPage, VotePage, VotingRound
from tests.voting.conftest import confirmation_token

pytestmark = pytest.mark.django_db


def move(voting_round, *, opens_in_days, closes_in_days):
    now = timezone.now()
    VotingRound.objects.filter(pk=voting_round.pk).update(
        opens_at=now + dt.timedelta(days=opens_in_days),
        closes_at=now + dt.timedelta(days=closes_in_days),
    )
    cache.clear()  # days passed: what was cached then has expired


def test_the_french_vote_page_shows_the_shortlist_and_mails_its_link_in_french(
    client, voting_round, ten_stories, django_capture_on_commit_callbacks
):
    sync_locales()
    french = Locale.objects.get(language_code="fr")
    page = VotePage.objects.get(locale=french)
    french_ids = [
        HeroStoryPage.objects.get(translation_key=story.translation_key, locale=french).pk
        for story in ten_stories
    ]

    shown = client.get(page.url)
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(page.url, {"stories": french_ids[:3], "email": "Voter@Example.org"})

    assert shown.status_code == 200
    assert all(f'value="{pk}"' in shown.text for pk in french_ids)
    assert sent.status_code == 302
    assert sent["Location"] == f"{page.url}?sent=1"
    assert "/fr/vote/confirm/" in mail.outbox[-1].body
    assert Ballot.objects.get().language == "fr"


def test_a_refused_ballot_says_why_in_a_sentence(client, voting_round, vote_page, ten_stories):
    response = client.post(
        vote_page.url, {"stories": [story.pk for story in ten_stories[:4]], "email": "a@b.org"}
    )

    assert response.status_code == 422
    assert "Choose at most 3 stories." in response.text
    assert not Ballot.objects.exists()


def test_the_emailed_link_asks_for_a_click_then_counts_once(
    client, voting_round, vote_page, ten_stories, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(vote_page.url, {"stories": [ten_stories[0].pk], "email": "v@example.org"})
    link = f"{vote_page.url}confirm/{confirmation_token()}/"

    opened = client.get(link)
    assert opened.status_code == 200
    assert "Confirm my vote" in opened.text
    assert Ballot.objects.get().confirmed_at is None  # a mail scanner's visit counts nothing

    confirmed = client.post(link)
    again = client.post(link)

    assert "your vote counts" in confirmed.text
    assert again.status_code == 409
    assert "already been confirmed" in again.text
    assert Ballot.objects.filter(confirmed_at__isnull=False).count() == 1


def test_a_forged_link_on_the_site_says_so(client, voting_round, vote_page):
    response = client.post(f"{vote_page.url}confirm/forged-token/")

    assert response.status_code == 400
    assert "This confirmation link is not valid." in response.text


def test_the_vote_page_hides_the_counts_until_the_close_then_shows_them(
    client, voting_round, vote_page, ten_stories
):
    assert "Votes on this site" not in client.get(vote_page.url).text

    move(voting_round, opens_in_days=-11, closes_in_days=-1)
    closed = client.get(vote_page.url).text

    assert "The winners" in closed
    assert "Votes on this site" in closed and "Votes on Facebook" in closed


class TestTheHomePagesVoteCard:
    def test_before_the_vote_it_gives_the_dates_and_the_ten_stories(
        self, client, voting_round, home_page
    ):
        move(voting_round, opens_in_days=3, closes_in_days=13)

        text = client.get(home_page.url).text

        assert "See the 10 stories" in text
        assert "/en/vote/" in text

    def test_during_the_vote_it_invites_to_vote(self, client, voting_round, home_page):
        assert "Vote now" in client.get(home_page.url).text

    def test_after_the_vote_it_names_the_winners(
        self, client, voting_round, home_page, ten_stories
    ):
        move(voting_round, opens_in_days=-11, closes_in_days=-1)

        text = client.get(home_page.url).text

        assert "The winners of the public vote" in text
        assert ten_stories[0].hero_name in text
