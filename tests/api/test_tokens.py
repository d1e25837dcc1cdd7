"""An API token is checked on every route: one that doesn't hold is refused, never anonymous."""

import pytest
from django.test import override_settings
from wagtail.models import APIToken

from tests.api.helpers import assert_problem
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

#: Wagtail's routes (images, pages) and the campaign's own (stories, calendar).
ROUTES = [
    "/api/v3/images/",
    "/api/v3/pages/",
    "/api/v3/stories/",
    "/api/v3/calendar/?start=2026-01-01&end=2026-01-31",
]


def bogus_token():
    return "x"


def revoked_token():
    token, key = APIToken.create_token(user=UserFactory(superuser=True), name="revoked")
    token.revoke()
    return key


def expired_token():
    """A token issued under a secret key that has since left SECRET_KEY_FALLBACKS.

    Wagtail's tokens have no expiry date of their own: they expire with the key they were
    issued under, once a rotation's window (SECRET_KEY_FALLBACKS) closes.
    """
    with override_settings(SECRET_KEY="the key of last year, rotated out since"):
        _token, key = APIToken.create_token(user=UserFactory(superuser=True), name="old")
    return key


def deactivated_users_token():
    user = UserFactory(superuser=True)
    _token, key = APIToken.create_token(user=user, name="left the campaign")
    user.is_active = False
    user.save()
    return key


@pytest.mark.parametrize("url", ROUTES)
@pytest.mark.parametrize(
    "make_token", [bogus_token, revoked_token, expired_token, deactivated_users_token]
)
def test_a_token_that_does_not_hold_is_refused_on_every_route(client, story, url, make_token):
    response = client.get(url, HTTP_AUTHORIZATION=f"Bearer {make_token()}")

    problem = assert_problem(response, 401)
    assert "token" in problem["detail"]
    assert response["WWW-Authenticate"] == 'Bearer error="invalid_token"'
    assert "Amina" not in response.content.decode()


@pytest.mark.parametrize("url", ROUTES)
def test_a_valid_token_is_accepted_on_every_route(client, story, url):
    _token, key = APIToken.create_token(user=UserFactory(superuser=True), name="mcd")

    response = client.get(url, HTTP_AUTHORIZATION=f"Bearer {key}")

    assert response.status_code == 200, response.content


def test_a_token_still_holds_while_its_key_is_a_fallback_of_a_rotation(client, story):
    with override_settings(SECRET_KEY="the key before the rotation"):
        _token, key = APIToken.create_token(user=UserFactory(superuser=True), name="mcd")

    with override_settings(
        SECRET_KEY="the key after the rotation",
        SECRET_KEY_FALLBACKS=["the key before the rotation"],
    ):
        response = client.get("/api/v3/images/", HTTP_AUTHORIZATION=f"Bearer {key}")

    assert response.status_code == 200, response.content


@pytest.mark.parametrize("url", ROUTES[1:])
def test_public_routes_still_answer_callers_without_a_token(client, story, url):
    assert client.get(url).status_code == 200
