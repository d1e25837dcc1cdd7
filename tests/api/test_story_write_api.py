"""A mission writes hero stories through the write API: photo (by id) and countries included,
with the consent rule (cms.core.consent) answering per field."""

import json

import pytest
from wagtail.models import APIToken

from cms.core.models import PhotoConsent
from heroes.models import HeroStoryPage
from tests.factories import ImageFactory
from tests.moderation import conftest as moderation

pytestmark = pytest.mark.django_db
# The Kenyan mission, set up as production does, and its people.
kenya, kenya_editor, kenya_story, mcd = (
    moderation.kenya,
    moderation.kenya_editor,
    moderation.kenya_story,
    moderation.mcd,
)


def call(client, method, url, user, data):
    _token, key = APIToken.create_token(user=user, name="mission website")
    return getattr(client, method)(
        url,
        data=json.dumps(data),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )


def new_story(hub, photo, **fields):
    return {
        "meta": {"type": "heroes.HeroStoryPage", "parent_id": hub.pk},
        "title": "Grace Akech",
        "hero_name": "Grace Akech",
        "headline": "Grace runs Kakuma's night school",
        "intro": "Grace came to Kakuma in 2014; two hundred adults now learn to read with her.",
        "photo_id": photo.pk,
        "country_of_origin": "SS",
        "country_of_residence": "KE",
        **fields,
    }


def photo_of(mission, consent=PhotoConsent.WRITTEN):
    return ImageFactory(
        title="Grace at the blackboard", collection=mission.collection, consent=consent
    )


def test_a_mission_editor_creates_a_story_with_its_photo_and_countries(client, kenya, kenya_editor):
    hub, photo = kenya.hubs.get(), photo_of(kenya)

    response = call(client, "post", "/api/v3/pages/", kenya_editor, new_story(hub, photo))

    assert response.status_code == 201, response.content
    created = response.json()
    assert created["photo"]["id"] == photo.pk
    assert created["country_of_origin"]["code"] == "SS"
    story = HeroStoryPage.objects.get(pk=created["id"]).get_latest_revision_as_object()
    assert (story.photo_id, story.country_of_origin, story.country_of_residence) == (
        photo.pk,
        "SS",
        "KE",
    )
    assert story.get_parent().pk == hub.pk
    assert not story.live  # an editor's story waits for endorsement


def test_a_story_is_not_created_with_a_photo_lacking_consent(client, kenya, kenya_editor):
    hub, photo = kenya.hubs.get(), photo_of(kenya, consent=PhotoConsent.PENDING)

    response = call(client, "post", "/api/v3/pages/", kenya_editor, new_story(hub, photo))

    assert response.status_code == 422, response.content
    assert response["Content-Type"] == "application/problem+json"
    errors = response.json()["errors"]
    assert [error["loc"] for error in errors] == [["photo"]]
    assert "consent" in errors[0]["msg"]
    assert not HeroStoryPage.objects.filter(hero_name="Grace Akech").exists()


def test_a_story_needs_its_photo_and_countries(client, kenya, kenya_editor):
    story = new_story(kenya.hubs.get(), photo_of(kenya))
    for field in ("photo_id", "country_of_origin", "country_of_residence"):
        del story[field]

    response = call(client, "post", "/api/v3/pages/", kenya_editor, story)

    assert response.status_code == 422
    missing = {error["loc"][-1] for error in response.json()["errors"]}
    assert {"photo_id", "country_of_origin", "country_of_residence"} <= missing


def test_a_patch_of_a_story_whose_photo_lost_its_consent_names_the_photo_field(
    client, kenya, mcd, kenya_story
):
    kenya_story.photo.consent = PhotoConsent.PENDING
    kenya_story.photo.save()

    response = call(
        client,
        "patch",
        f"/api/v3/pages/{kenya_story.pk}/",
        mcd,
        {"meta": {"type": "heroes.HeroStoryPage"}, "headline": "A new headline"},
    )

    assert response.status_code == 422, response.content
    assert [error["loc"] for error in response.json()["errors"]] == [["photo"]]


def test_a_patch_gives_a_story_a_new_photo_by_its_id(client, kenya, mcd, kenya_story):
    kenya_story.photo.consent = PhotoConsent.PENDING
    kenya_story.photo.save()
    photo = photo_of(kenya)

    response = call(
        client,
        "patch",
        f"/api/v3/pages/{kenya_story.pk}/",
        mcd,
        {"meta": {"type": "heroes.HeroStoryPage", "action": "publish"}, "photo_id": photo.pk},
    )

    assert response.status_code == 200, response.content
    assert response.json()["photo"]["id"] == photo.pk
    kenya_story.refresh_from_db()
    assert kenya_story.photo_id == photo.pk
