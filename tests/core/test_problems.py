"""Every /api/ error is an RFC 7807 problem document, and never shows internals."""

import json

import pytest
from countryinfo import CountryInfo
from django.test import override_settings
from wagtail.models import APIToken

from heroes.maps import centroid
from tests.factories import HeroStoryPageFactory, UserFactory

pytestmark = pytest.mark.django_db

SECRET = "connection to db.internal:5432 refused, password hunter2"


def assert_problem_document(response, status):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    problem = json.loads(response.content)
    assert problem["status"] == status
    assert problem["type"] == "about:blank"
    assert problem["title"]
    assert problem["detail"]
    for leak in ("Traceback", "<html", "<!DOCTYPE", SECRET, "django", 'File "'):
        assert leak not in response.content.decode()
    return problem


@pytest.fixture
def story(mission_hub):
    return HeroStoryPageFactory(parent=mission_hub)


@pytest.fixture
def failing_geodata(monkeypatch):
    """countryinfo (a third-party package) fails with a message no client should read."""

    def fail(self):
        raise RuntimeError(SECRET)

    centroid.cache_clear()
    monkeypatch.setattr(CountryInfo, "latlng", fail)
    yield
    centroid.cache_clear()


def test_a_bad_host_is_a_400_problem(client):
    response = client.get("/api/v3/stories/", HTTP_HOST="evil.example")

    assert_problem_document(response, 400)


def test_a_token_that_does_not_hold_is_a_401_problem(client):
    response = client.get("/api/v3/stories/", HTTP_AUTHORIZATION="Bearer not-a-token")

    assert_problem_document(response, 401)


def test_a_token_without_the_right_is_a_403_problem(client, story):
    _token, key = APIToken.create_token(user=UserFactory(), name="reader")

    response = client.delete(f"/api/v3/pages/{story.pk}/", HTTP_AUTHORIZATION=f"Bearer {key}")

    assert_problem_document(response, 403)


@pytest.mark.parametrize("debug", [False, True])
@pytest.mark.parametrize("url", ["/api/v3/no-such-route/", "/api/nothing", "/api/v3/pages/999999/"])
def test_an_unknown_address_under_api_is_a_404_problem(client, home_page, url, debug):
    with override_settings(DEBUG=debug):
        response = client.get(url)

    assert_problem_document(response, 404)


def test_a_method_a_route_does_not_take_is_a_405_problem_with_allow(client):
    response = client.get("/api/v3/nominations/")

    problem = assert_problem_document(response, 405)
    assert "POST" in response["Allow"]
    assert "Allow" in problem["detail"]


def test_a_body_too_large_is_a_413_problem(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000

    response = client.post("/api/v3/nominations/", {"story": "x" * 2000})

    assert_problem_document(response, 413)


def test_a_body_in_a_format_the_route_does_not_take_is_a_415_problem(client):
    response = client.post(
        "/api/v3/nominations/", '{"hero_name": "Amina"}', content_type="application/json"
    )

    assert_problem_document(response, 415)
    assert "multipart/form-data" in response["Accept-Post"]


def test_invalid_parameters_are_a_422_problem(client):
    response = client.get("/api/v3/calendar/?start=yesterday")

    assert_problem_document(response, 422)


def test_too_many_nominations_are_a_429_problem(client, settings):
    settings.NOMINATIONS_PER_HOUR = 0

    nomination = {
        "hero_name": "Amina Yusuf",
        "country": "KE",
        "story": "She teaches forty women to sew.",
        "nominator_name": "Wanjiru",
        "nominator_email": "wanjiru@example.org",
    }

    response = client.post("/api/v3/nominations/", nomination)

    assert_problem_document(response, 429)
    assert int(response["Retry-After"]) > 0


@pytest.mark.parametrize("debug", [False, True])
def test_a_crash_is_a_500_problem_that_tells_nothing_of_it(client, story, failing_geodata, debug):
    client.raise_request_exception = False

    with override_settings(DEBUG=debug):
        response = client.get("/api/v3/map/")

    assert_problem_document(response, 500)


def test_errors_outside_the_api_keep_the_site_pages(client, home_page):
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
