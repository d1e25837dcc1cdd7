"""`/api/v3/story-of-the-month/`: MCD's picks, newest first, in the reader's language."""

import datetime as dt

import pytest
from django.utils import timezone

from heroes.models import StoryOfTheMonth
from heroes.services import missions
from tests.api.helpers import assert_problem
from tests.factories import HeroStoryPageFactory

pytestmark = pytest.mark.django_db

MCD_NOTE = "Internal: MCD prefers this one for the donors' newsletter"
THIS_MONTH = timezone.localdate().replace(day=1)
LAST_MONTH = (THIS_MONTH - dt.timedelta(days=1)).replace(day=1)
EARLIER = (LAST_MONTH - dt.timedelta(days=1)).replace(day=1)


@pytest.fixture
def kenya(mission_hub):
    return missions.setup_mission(
        country="KE", name="Kenya", focal_point_email="focal.point@kenya.example.org"
    ).mission


def winner(mission, story, month, *, is_winner=True):
    return StoryOfTheMonth.objects.create(
        mission=mission, story=story, month=month, note=MCD_NOTE, is_winner=is_winner
    )


def test_winners_are_listed_newest_first_without_mcd_notes(client, kenya, story, mission_hub):
    october = HeroStoryPageFactory(parent=mission_hub)
    winner(kenya, october, LAST_MONTH)
    winner(kenya, story, THIS_MONTH)
    nominated_only = HeroStoryPageFactory(parent=mission_hub)
    winner(kenya, nominated_only, EARLIER, is_winner=False)

    response = client.get("/api/v3/story-of-the-month/")

    assert response.status_code == 200
    items = response.json()["items"]
    assert [(item["month"], item["story"]["id"]) for item in items] == [
        (f"{THIS_MONTH:%Y-%m}", story.pk),
        (f"{LAST_MONTH:%Y-%m}", october.pk),
    ]
    assert MCD_NOTE not in response.content.decode()


def test_a_winner_is_given_in_the_reader_language_when_translated(
    client, kenya, story, french_story
):
    winner(kenya, story, THIS_MONTH)

    items = client.get("/api/v3/story-of-the-month/?locale=fr").json()["items"]

    assert [item["story"]["id"] for item in items] == [french_story.pk]


def test_an_unpublished_winner_is_left_out(client, kenya, story):
    winner(kenya, story, THIS_MONTH)
    story.unpublish()

    assert client.get("/api/v3/story-of-the-month/").json()["items"] == []


def test_the_year_filter_and_bad_parameters(client, kenya, story, mission_hub):
    winner(kenya, story, THIS_MONTH)

    year = THIS_MONTH.year
    assert client.get(f"/api/v3/story-of-the-month/?year={year - 1}").json()["items"] == []
    assert len(client.get(f"/api/v3/story-of-the-month/?year={year}").json()["items"]) == 1
    assert_problem(client.get("/api/v3/story-of-the-month/?year=nineteen"), 422, parameter="year")
    assert_problem(client.get("/api/v3/story-of-the-month/?locale=xx"), 422, parameter="locale")
