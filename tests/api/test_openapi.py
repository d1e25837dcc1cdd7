"""The OpenAPI document: valid, complete, and stored so a contract change shows as a diff."""

import json

import pytest
from ninja.responses import NinjaJSONEncoder
from openapi_spec_validator import validate

from cms.api import api
from tests.api.helpers import assert_matches_expected

pytestmark = pytest.mark.django_db

CAMPAIGN_ROUTES = {
    "/api/v3/stories/": "get",
    "/api/v3/stories/{story_id}/share/": "get",
    "/api/v3/calendar/": "get",
    "/api/v3/map/": "get",
    "/api/v3/oembed/": "get",
    "/api/v3/materials/": "get",
    "/api/v3/categories/": "get",
    "/api/v3/story-of-the-month/": "get",
    "/api/v3/preview/": "get",
    "/api/v3/pages/": "get",
    "/api/v3/pages/{page_id}/": "get",
}
CAMPAIGN_PAGE_SCHEMAS = [
    "HomePageSchema",
    "HeroIndexPageSchema",
    "HeroStoryPageSchema",
    "MissionIndexPageSchema",
    "MissionHubPageSchema",
    "EventPageSchema",
    "CalendarPageSchema",
]


@pytest.fixture
def document(client):
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_the_openapi_document_is_valid_openapi_3_1(document):
    assert document["openapi"].startswith("3.1")
    validate(document)


def test_the_openapi_document_matches_the_stored_snapshot(document):
    assert_matches_expected("openapi", document)


def test_every_route_of_the_api_is_in_the_document(document):
    for path, method in CAMPAIGN_ROUTES.items():
        assert method in document["paths"][path], path
    routed = {
        f"/api/v3/{prefix.strip('/')}/{path.lstrip('/')}".replace("//", "/")
        for prefix, router in api._routers
        for path in router.path_operations
    }
    assert routed <= set(document["paths"])


def test_every_campaign_page_type_has_a_documented_schema_with_its_fields(document):
    schemas = document["components"]["schemas"]
    for name in CAMPAIGN_PAGE_SCHEMAS:
        assert name in schemas, name
    story = schemas["HeroStoryPageSchema"]["properties"]
    for field in ("hero_name", "headline", "photo", "country_of_origin", "body", "tags"):
        assert field in story
    assert "nominator_name" not in story
    read_schemas = {
        name: schema
        for name, schema in schemas.items()
        if not name.endswith(("CreateSchema", "PatchSchema"))  # what editors may write
    }
    assert "consent_notes" not in json.dumps(read_schemas, cls=NinjaJSONEncoder)


def test_campaign_responses_have_examples(document):
    for name in ("Calendar", "StoryMap", "OEmbedRich", "ShareKit"):
        assert document["components"]["schemas"][name].get("examples"), name


def test_the_interactive_docs_are_served(client):
    response = client.get("/api/v3/docs/")

    assert response.status_code == 200
    assert b"openapi.json" in response.content
