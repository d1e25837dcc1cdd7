"""`/api/v3/stories/{id}/share/`: what a focal point needs to post a story."""

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.api.helpers import assert_matches_expected, assert_problem, normalise

pytestmark = pytest.mark.django_db


def test_the_share_kit_matches_the_stored_json(client, story, french_story):
    response = client.get(f"/api/v3/stories/{story.pk}/share/")

    assert response.status_code == 200
    ids = {story.pk: "story", french_story.pk: "french_story"}
    assert_matches_expected("share_kit", normalise(response.json(), ids))


def test_the_share_kit_has_the_hashtag_urls_per_locale_and_the_share_image(
    client, story, french_story
):
    kit = client.get(f"/api/v3/stories/{story.pk}/share/").json()

    assert {item["locale"] for item in kit["urls"]} == {"en", "fr"}
    assert "#MigrantHeroes" in kit["facebook"]["text"]
    assert "#MigrantHeroes" in kit["twitter"]["text"]
    assert len(kit["twitter"]["text"]) <= 280 - 23
    shared = parse_qs(urlsplit(kit["facebook"]["share_url"]).query)["u"]
    assert shared == [kit["canonical_url"]]
    assert (kit["image"]["width"], kit["image"]["height"]) == (1200, 630)
    assert kit["image"]["url"].startswith("http")


def test_drafts_have_no_share_kit(client, draft_story, private_story):
    assert_problem(client.get(f"/api/v3/stories/{draft_story.pk}/share/"), 404)
    assert_problem(client.get(f"/api/v3/stories/{private_story.pk}/share/"), 404)
