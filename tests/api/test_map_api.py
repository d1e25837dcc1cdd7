"""`/api/v3/map/`: live stories per country as GeoJSON."""

import pytest

from tests.api.helpers import assert_matches_expected, assert_problem, normalise
from tests.factories import HeroStoryPageFactory

pytestmark = pytest.mark.django_db


def test_the_map_matches_the_stored_json(client, story, mission_hub, story_index):
    response = client.get("/api/v3/map/?locale=en")

    assert response.status_code == 200
    assert_matches_expected("map", normalise(response.json(), {}))


def test_the_map_counts_live_stories_per_country_of_residence(
    client, story, mission_hub, other_mission, draft_story, private_story
):
    HeroStoryPageFactory(parent=other_mission)
    HeroStoryPageFactory(parent=other_mission)

    features = client.get("/api/v3/map/").json()["features"]

    counts = {feature["id"]: feature["properties"]["count"] for feature in features}
    assert counts == {"KE": 1, "UG": 2}
    uganda = next(feature for feature in features if feature["id"] == "UG")
    longitude, latitude = uganda["geometry"]["coordinates"]
    assert 29 < longitude < 35 and -2 < latitude < 5  # Uganda, in [longitude, latitude] order


def test_the_map_of_a_locale_names_countries_in_its_language(client, story, french_story):
    features = client.get("/api/v3/map/?locale=fr").json()["features"]

    assert [feature["properties"]["country"] for feature in features] == [
        {"code": "KE", "name": "Kenya"}
    ]
    assert "locale=fr" in features[0]["properties"]["api_url"]


def test_an_unknown_locale_answers_a_problem(client, story):
    assert_problem(client.get("/api/v3/map/?locale=klingon"), 422, parameter="locale")
