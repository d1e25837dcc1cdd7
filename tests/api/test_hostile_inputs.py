"""No input gives a 500: each one here did, found by hand and by schemathesis.

Every answer is a clear 4xx (a problem document under /api/) or an ordinary answer.
"""

import json

import pytest
from wagtail.models import APIToken, Page

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HUGE = str(2**63)
TWENTY_DIGITS = "12345678901234567890"


@pytest.fixture
def token(db):
    _token, plaintext = APIToken.create_token(user=UserFactory(superuser=True), name="tests")
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


def assert_clear_answer(response):
    assert response.status_code < 500, response.content[:500]
    if response.status_code >= 400 and response["Content-Type"].startswith("application/"):
        assert response["Content-Type"].startswith("application/problem+json")


@pytest.mark.parametrize(
    "url",
    [
        f"/api/v3/pages/?offset={HUGE}",
        f"/api/v3/stories/?offset={HUGE}",
        f"/api/v3/pages/?limit={HUGE}",
        f"/api/v3/stories/?limit=-1&offset=-{HUGE}",
        f"/api/v3/stories/{TWENTY_DIGITS}/share/",
        f"/embed/stories/{TWENTY_DIGITS}/",
        f"/api/v3/pages/{TWENTY_DIGITS}/",
        "/api/v3/pages/?search=%00",
        "/api/v3/pages/?search=x%00y",
        "/api/v3/pages/?search=" + "OR%20" * 3000,
        "/api/v3/pages/?search=" + "(" * 2000,
        "/api/v3/stories/?tag=%00",
        "/api/v3/stories/?country=%00",
        "/api/v3/calendar/?start=2026-11-01%00&end=2026-11-30",
        "/api/v3/oembed/?url=%00&format=json",
        "/en/search/?query=x%00y",
        "/en/search/?query=" + "OR%20" * 3000,
        "/en/stories/?country=%00&tag=%00",
    ],
)
def test_hostile_query_strings_get_a_clear_answer(client, story, url):
    assert_clear_answer(client.get(url))


@pytest.mark.parametrize(
    "url", [f"/api/v3/images/?offset={HUGE}", f"/api/v3/redirects/?offset={HUGE}"]
)
def test_hostile_offsets_with_a_token_get_a_clear_answer(client, story, token, url):
    assert_clear_answer(client.get(url, **token))


@pytest.mark.parametrize("action", ["move", "copy", "create_alias", "unpublish", "publish"])
def test_actions_on_the_tree_root_are_refused_not_crashed(client, story, token, action):
    root = Page.get_first_root_node()
    response = client.post(
        f"/api/v3/pages/{root.pk}/actions/{action}/",
        data=json.dumps({}),
        content_type="application/json",
        **token,
    )

    assert_clear_answer(response)
    assert response.status_code >= 400


def test_a_form_posted_in_an_unsupported_charset_is_refused(client, home_page):
    body = "hero_name=Amina".encode("utf-16")

    response = client.generic(
        "POST", "/en/", data=body, content_type="application/x-www-form-urlencoded; charset=utf-16"
    )

    assert_clear_answer(response)


def test_an_api_post_in_an_unsupported_charset_is_refused(client, token):
    response = client.generic(
        "POST",
        "/api/v3/pages/",
        data=json.dumps({"title": "x"}).encode("utf-16"),
        content_type="application/json; charset=utf-16",
        **token,
    )

    assert_clear_answer(response)
    assert 400 <= response.status_code < 500
