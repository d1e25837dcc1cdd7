"""Headless preview: a short-lived token reads one draft, and nothing else."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import signing
from django.test import override_settings
from django.urls import reverse

from cms.core.preview import SALT
from tests.api.helpers import assert_problem
from tests.factories import HeroStoryPageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(UserFactory(superuser=True))
    return client


def preview_token(client, page):
    response = client.get(reverse("headless_preview", args=[page.pk]))
    assert response.status_code == 302
    return parse_qs(urlsplit(response["Location"]).query)["token"][0]


def draft_of(story, headline):
    story.headline = headline
    story.save_revision()


def test_a_preview_token_reads_the_draft_the_public_does_not_see(editor_client, story, client):
    draft_of(story, "A headline still in review")
    token = preview_token(editor_client, story)
    editor_client.logout()

    preview = client.get(f"/api/v3/preview/?token={token}")
    public = client.get(f"/api/v3/pages/{story.pk}/")

    assert preview.status_code == 200
    assert preview.json()["headline"] == "A headline still in review"
    assert preview["Cache-Control"] == "private, no-store"
    assert public.json()["headline"] == "Amina teaches sewing in Nairobi"


def test_a_never_published_page_can_be_previewed(editor_client, mission_hub):
    draft = HeroStoryPageFactory(parent=mission_hub, draft=True, headline="Not yet out")
    draft.save_revision()

    token = preview_token(editor_client, draft)

    assert editor_client.get(f"/api/v3/preview/?token={token}").json()["headline"] == (
        "Not yet out"
    )
    assert_problem(editor_client.get(f"/api/v3/pages/{draft.pk}/"), 404)


@override_settings(HEADLESS_PREVIEW_URL="https://preview.migrantheroes.example/preview")
def test_the_admin_sends_the_editor_to_the_front_end_with_the_token(editor_client, story):
    response = editor_client.get(reverse("headless_preview", args=[story.pk]))

    assert response["Location"].startswith("https://preview.migrantheroes.example/preview?")
    query = parse_qs(urlsplit(response["Location"]).query)
    assert query["id"] == [str(story.pk)]
    assert query["type"] == ["heroes.HeroStoryPage"]


def test_a_token_cannot_be_turned_to_another_page(editor_client, story, draft_story):
    story.save_revision()
    token = preview_token(editor_client, story)
    data = signing.loads(token, salt=SALT)
    forged = signing.dumps({**data, "page": draft_story.pk}, salt="guessed salt")
    other_revision = draft_story.save_revision()
    mixed = signing.dumps({"page": story.pk, "revision": other_revision.pk}, salt=SALT)

    assert_problem(editor_client.get(f"/api/v3/preview/?token={forged}"), 403)
    assert_problem(editor_client.get(f"/api/v3/preview/?token={mixed}"), 403)
    assert_problem(editor_client.get("/api/v3/preview/?token=garbage"), 403)


def test_an_expired_token_is_refused(editor_client, story):
    story.save_revision()
    token = preview_token(editor_client, story)

    with override_settings(HEADLESS_PREVIEW_MAX_AGE=-1):
        problem = assert_problem(editor_client.get(f"/api/v3/preview/?token={token}"), 403)

    assert "expired" in problem["detail"]


def test_only_editors_of_the_page_get_a_token(client, story):
    client.force_login(UserFactory(is_staff=True))

    response = client.get(reverse("headless_preview", args=[story.pk]))

    # No access to the admin at all: Wagtail sends to its login page, with no token.
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login") + "?next=")
    assert "token=" not in response["Location"]
