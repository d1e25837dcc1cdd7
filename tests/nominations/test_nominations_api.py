"""`POST /api/v3/nominations/`: the same nomination, from a mission's or partner's site."""

import pytest
from django.core import mail

from heroes.models import Nomination
from tests.nominations.test_nominations import GPS_TAG, form_data, photo_with_gps

pytestmark = pytest.mark.django_db
URL = "/api/v3/nominations/"


def test_a_nomination_is_received_with_its_photo_and_nothing_is_echoed(
    client, kenya, kenya_focal_point, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, {**form_data(), "photo": photo_with_gps()})

    assert response.status_code == 202
    assert response.json() == {"status": "received"}
    nomination = Nomination.objects.get()
    assert nomination.mission == kenya
    from PIL import Image

    with Image.open(nomination.photo.path) as stored:
        assert GPS_TAG not in stored.getexif()
    assert {address for m in mail.outbox for address in m.to} >= {"joseph@example.org"}


def test_bad_fields_get_a_problem_response_with_one_entry_per_field(client):
    response = client.post(URL, form_data(hero_name="", country="XX", nominator_email="nope"))

    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == 422
    fields = {error["loc"][-1] for error in problem["errors"]}
    assert {"hero_name", "country", "nominator_email"} <= fields
    assert all(error["msg"] for error in problem["errors"])
    assert not Nomination.objects.exists()


def test_a_photo_without_consent_is_refused(client):
    response = client.post(URL, {**form_data(photo_consent=""), "photo": photo_with_gps()})

    assert response.status_code == 422
    assert [e["loc"][-1] for e in response.json()["errors"]] == ["photo_consent"]


def test_too_many_nominations_get_429_with_retry_after(client, settings):
    settings.NOMINATIONS_PER_HOUR = 1
    assert client.post(URL, form_data()).status_code == 202

    response = client.post(URL, form_data())

    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    assert int(response["Retry-After"]) > 0


def test_nominations_cannot_be_read_back(client):
    client.post(URL, form_data())
    assert client.get(URL).status_code == 405
