"""Wagtail's snippet API answers bad snippet addresses and bodies with 4xx problems.

Both were 500s schemathesis found: an id that is not a number, and campaign material created
without the document its model requires.
"""

import json

import pytest
from wagtail.models import APIToken

from home.models import CampaignMaterial
from tests.factories import CampaignMaterialFactory, UserFactory

pytestmark = pytest.mark.django_db

MATERIAL = "/api/v3/snippets/home.CampaignMaterial/"


@pytest.fixture
def token(db):
    _token, key = APIToken.create_token(user=UserFactory(superuser=True), name="mcd")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "abc/"),
        ("patch", "abc/"),
        ("delete", "abc/"),
        ("get", "1.5/revisions/"),
        ("post", "abc/actions/publish/"),
    ],
)
def test_a_snippet_id_that_is_not_a_number_is_not_found(client, token, method, path):
    CampaignMaterialFactory()

    body = {"meta": {"type": "home.CampaignMaterial"}} if method in {"patch", "post"} else None
    response = getattr(client, method)(
        MATERIAL + path,
        **({"data": json.dumps(body), "content_type": "application/json"} if body else {}),
        **token,
    )

    assert response.status_code == 404, response.content[:500]
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("value", ["Other pages", "999999"])
def test_a_listing_of_the_translations_of_no_snippet_is_a_problem(client, token, value):
    response = client.get(MATERIAL, {"translation_of": value}, **token)

    assert response.status_code == 422, response.content[:500]
    assert response["Content-Type"] == "application/problem+json"
    assert [error["loc"] for error in response.json()["errors"]] == [["translation_of"]]


def test_a_snippet_of_another_id_is_still_found(client, token):
    material = CampaignMaterialFactory()

    response = client.get(f"{MATERIAL}{material.pk}/", **token)

    assert response.status_code == 200
    assert response.json()["title"] == material.title


def test_material_created_without_its_document_is_a_problem_naming_the_document(client, token):
    response = client.post(
        MATERIAL,
        data=json.dumps({"meta": {"type": "home.CampaignMaterial"}}),
        content_type="application/json",
        **token,
    )

    assert response.status_code == 422, response.content[:500]
    assert response["Content-Type"] == "application/problem+json"
    assert ["document"] in [error["loc"] for error in response.json()["errors"]]
    assert not CampaignMaterial.objects.exists()


def test_a_snippet_the_database_refuses_as_a_duplicate_is_a_conflict(client, token):
    """A hero category's name and slug are not written through the API: a second one made
    there has the first one's (empty) slug, which the database refuses."""
    create = {
        "path": "/api/v3/snippets/heroes.HeroCategory/",
        "data": json.dumps({"meta": {"type": "heroes.HeroCategory"}}),
        "content_type": "application/json",
        **token,
    }
    client.post(**create)

    response = client.post(**create)

    assert response.status_code == 409, response.content[:500]
    assert response["Content-Type"] == "application/problem+json"
