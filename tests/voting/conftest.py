"""A public vote: ten live stories shortlisted by HQ, a vote page, a round open now."""

import pytest
from django.core import mail

from tests.factories import HeroStoryPageFactory, VotePageFactory, VotingRoundFactory


@pytest.fixture
def ten_stories(mission_hub):
    return [
        HeroStoryPageFactory(parent=mission_hub, hero_name=f"Hero {n}", title=f"Hero {n}")
        for n in range(10)
    ]


@pytest.fixture
def vote_page(home_page):
    return VotePageFactory(parent=home_page)


@pytest.fixture
def voting_round(ten_stories, vote_page):
    return VotingRoundFactory(stories=ten_stories)


def confirmation_token(message=None):
    """The token of the link in the latest confirmation email."""
    message = message or mail.outbox[-1]
    url = next(line for line in message.body.splitlines() if "/vote/confirm/" in line)
    return url.strip().rstrip("/").rsplit("/", 1)[-1]
