"""The write API answers a broken model rule as a problem, never a crash."""

import json

import pytest
from wagtail.models import APIToken

from cms.core.models import PhotoConsent
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def patch(client, user, page, data):
    _token, plaintext = APIToken.create_token(user=user, name="mission website")
    return client.patch(
        f"/api/v3/pages/{page.pk}/",
        data=json.dumps({"meta": {"type": "heroes.HeroStoryPage"}, **data}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {plaintext}",
    )


def test_a_patch_of_a_story_whose_photo_lost_its_consent_names_the_photo(client, story):
    story.photo.consent = PhotoConsent.PENDING
    story.photo.save()

    response = patch(client, UserFactory(superuser=True), story, {"headline": "New headline"})

    assert 400 <= response.status_code < 500
    assert response["Content-Type"].startswith("application/problem+json")
    assert "photo" in response.content.decode()
    story.refresh_from_db()
    assert story.headline != "New headline"


def test_a_patch_of_a_story_with_consent_still_works(client, story):
    response = patch(client, UserFactory(superuser=True), story, {"headline": "New headline"})

    assert response.status_code == 200, response.content
