"""The write API (Wagtail's v3, with an API token) holds mission people to the same rules."""

import json

import pytest
from wagtail.models import APIToken, Page

pytestmark = pytest.mark.django_db


def api(client, user, method, url, data=None):
    _token, plaintext = APIToken.create_token(user=user, name="mission website")
    return getattr(client, method)(
        url,
        data=json.dumps(data) if data is not None else None,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {plaintext}",
    )


def test_an_editor_cannot_change_another_missions_story(client, kenya_editor, italy_story):
    response = api(
        client,
        kenya_editor,
        "patch",
        f"/api/v3/pages/{italy_story.pk}/",
        {"meta": {"type": "heroes.HeroStoryPage"}, "title": "Hijacked"},
    )

    assert response.status_code in {403, 404}
    assert response["Content-Type"].startswith("application/problem+json")
    italy_story.refresh_from_db()
    assert italy_story.title == "Ousmane Diallo"
    assert not italy_story.revisions.exists(), "no draft was written either"


def test_an_editor_cannot_delete_another_missions_story(client, kenya_editor, italy_story):
    response = api(client, kenya_editor, "delete", f"/api/v3/pages/{italy_story.pk}/")

    assert response.status_code in {403, 404}
    assert Page.objects.filter(pk=italy_story.pk).exists()


def test_an_editor_cannot_publish_through_the_api(client, kenya_editor, kenya_draft):
    response = api(
        client,
        kenya_editor,
        "patch",
        f"/api/v3/pages/{kenya_draft.pk}/",
        {"meta": {"type": "heroes.HeroStoryPage", "action": "publish"}, "title": "Published?"},
    )

    assert response.status_code == 403
    kenya_draft.refresh_from_db()
    assert not kenya_draft.live


def test_an_editor_can_save_a_draft_of_their_own_story(client, kenya_editor, kenya_draft):
    response = api(
        client,
        kenya_editor,
        "patch",
        f"/api/v3/pages/{kenya_draft.pk}/",
        {"meta": {"type": "heroes.HeroStoryPage"}, "headline": "A new headline"},
    )

    assert response.status_code == 200, response.content
    kenya_draft.refresh_from_db()
    assert not kenya_draft.live
    assert kenya_draft.latest_revision.content["headline"] == "A new headline"
