"""The shared response cache: fresh after every publish, revalidated by ETag; CORS on the API."""

import pytest
from django.test import override_settings
from wagtail.models import APIToken

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def headline(client, story):
    return client.get(f"/api/v3/pages/{story.pk}/").json()["headline"]


def test_a_second_request_is_served_from_the_cache(client, story):
    first = client.get(f"/api/v3/pages/{story.pk}/")
    second = client.get(f"/api/v3/pages/{story.pk}/")

    assert first["X-Cache"] == "MISS"
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    directives = {part.strip() for part in second["Cache-Control"].split(",")}
    # CDNs keep it for a minute (and are purged); browsers ask again every time (304 by ETag).
    assert directives == {"public", "max-age=0", "s-maxage=60", "must-revalidate"}


def test_a_publish_is_visible_on_the_next_request(client, story):
    assert headline(client, story) == "Amina teaches sewing in Nairobi"
    assert headline(client, story) == "Amina teaches sewing in Nairobi"  # now cached

    story.headline = "Amina opens a second workshop"
    story.save_revision().publish()

    assert headline(client, story) == "Amina opens a second workshop"


def test_an_unpublish_a_delete_and_a_move_are_visible_on_the_next_request(
    client, story, mission_hub, other_mission
):
    listing = "/api/v3/stories/"
    assert client.get(listing).json()["count"] == 1
    story.move(other_mission, pos="last-child")
    assert client.get(listing).json()["items"][0]["mission"]["id"] == other_mission.pk

    story.unpublish()
    assert client.get(listing).json()["count"] == 0

    story.save_revision().publish()
    assert client.get(listing).json()["count"] == 1
    story.delete()
    assert client.get(listing).json()["count"] == 0


def test_a_published_translation_is_visible_on_the_next_request(client, story, french_story):
    assert len(client.get(f"/api/v3/pages/{story.pk}/").json()["translations"]) == 1
    french_story.unpublish()  # withdraws every copy, the English too (cms.core.withdrawal)
    assert client.get(f"/api/v3/pages/{story.pk}/").status_code == 404
    story.save_revision().publish()
    assert client.get(f"/api/v3/pages/{story.pk}/").json()["translations"] == []

    french_story.save_revision().publish()

    assert len(client.get(f"/api/v3/pages/{story.pk}/").json()["translations"]) == 1


def test_pages_and_feeds_are_cached_and_refreshed_too(client, story):
    assert client.get(story.url)["X-Cache"] == "MISS"
    assert client.get(story.url)["X-Cache"] == "HIT"
    story.headline = "A headline for the site"
    story.save_revision().publish()

    assert "A headline for the site" in client.get(story.url).content.decode()
    assert "A headline for the site" in client.get("/en/feeds/stories.rss").content.decode()


def test_an_etag_lets_clients_revalidate(client, story):
    first = client.get(f"/api/v3/pages/{story.pk}/")

    again = client.get(f"/api/v3/pages/{story.pk}/", HTTP_IF_NONE_MATCH=first["ETag"])
    story.headline = "Amina opens a second workshop"
    story.save_revision().publish()
    changed = client.get(f"/api/v3/pages/{story.pk}/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304
    assert changed.status_code == 200


def test_token_requests_are_never_served_from_the_cache(client, story):
    _token, key = APIToken.create_token(user=UserFactory(superuser=True), name="mcd")
    client.get(f"/api/v3/pages/{story.pk}/")  # cached for the public

    response = client.get(f"/api/v3/pages/{story.pk}/", HTTP_AUTHORIZATION=f"Bearer {key}")

    assert response.status_code == 200
    assert "X-Cache" not in response


def test_errors_are_not_cached(client, story):
    response = client.get("/api/v3/calendar/?start=2026-11-02&end=2026-11-01")

    assert response.status_code == 422
    assert "X-Cache" not in response


@override_settings(CORS_ALLOWED_ORIGINS=["https://kenya.migrantheroes.example"])
def test_cors_headers_only_for_allowed_origins_and_only_on_the_api(client, story):
    allowed = client.get("/api/v3/stories/", HTTP_ORIGIN="https://kenya.migrantheroes.example")
    other = client.get("/api/v3/stories/", HTTP_ORIGIN="https://evil.example")
    page = client.get(story.url, HTTP_ORIGIN="https://kenya.migrantheroes.example")
    preflight = client.options(
        "/api/v3/stories/",
        HTTP_ORIGIN="https://kenya.migrantheroes.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )

    assert allowed["Access-Control-Allow-Origin"] == "https://kenya.migrantheroes.example"
    assert "Access-Control-Allow-Origin" not in other
    assert "Access-Control-Allow-Origin" not in page
    assert preflight.status_code == 200
    assert preflight["Access-Control-Allow-Origin"] == "https://kenya.migrantheroes.example"


def test_a_page_with_a_form_is_never_served_from_the_shared_cache(client, home_page):
    from tests.factories import NominatePageFactory

    nominate = NominatePageFactory(parent=home_page)
    first = client.get(nominate.url)  # sets this visitor's CSRF cookie
    second = client.get(nominate.url)  # the cookie is sent back: no new cookie set

    assert first.status_code == second.status_code == 200
    assert "X-Cache" not in first
    assert "X-Cache" not in second
    assert "csrfmiddlewaretoken" in second.content.decode()


def test_a_renamed_category_and_a_new_hashtag_are_visible_on_the_next_request(client, mission_hub):
    from cms.core.models import CampaignSettings
    from tests.factories import HeroCategoryFactory, HeroStoryPageFactory

    category = HeroCategoryFactory(name="Artist")
    story = HeroStoryPageFactory(parent=mission_hub, category=category)
    assert client.get("/api/v3/stories/").json()["items"][0]["category"] == "Artist"
    assert "#MigrantHeroes" in client.get(f"/api/v3/stories/{story.pk}/share/").json()["hashtag"]

    category.name = "Musician"
    category.save()
    campaign = CampaignSettings.load()
    campaign.hashtag = "#HérosMigrants"
    campaign.save()

    assert client.get("/api/v3/stories/").json()["items"][0]["category"] == "Musician"
    assert client.get(f"/api/v3/stories/{story.pk}/share/").json()["hashtag"] == "#HérosMigrants"


def test_saving_a_draft_keeps_the_cache(client, story):
    client.get(f"/api/v3/pages/{story.pk}/")
    story.headline = "Still a draft"
    story.save_revision()

    response = client.get(f"/api/v3/pages/{story.pk}/")

    assert response["X-Cache"] == "HIT"
    assert response.json()["headline"] == "Amina teaches sewing in Nairobi"
