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


def test_public_operations_inherit_the_documents_optional_token(document):
    assert document["security"] == [{}, {"BearerTokenAuth": []}]
    for path in ("/api/v3/pages/", "/api/v3/pages/{page_id}/", "/api/v3/stories/"):
        assert "security" not in document["paths"][path]["get"], path
    assert document["paths"]["/api/v3/pages/"]["post"]["security"] == [{"BearerTokenAuth": []}]


def test_servers_hold_the_configured_base_url(document, settings):
    assert document["servers"] == [{"url": settings.WAGTAILAPI_BASE_URL}]


def test_every_operation_declares_the_problems_it_can_answer(document):
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            assert "401" in responses, (method, path)
            for status, response in responses.items():
                if status.startswith("4"):
                    problem = response["content"]["application/problem+json"]["schema"]
                    assert problem == {"$ref": "#/components/schemas/ProblemDetail"}
    assert "404" in document["paths"]["/api/v3/pages/{page_id}/"]["get"]["responses"]
    assert "403" in document["paths"]["/api/v3/pages/"]["post"]["responses"]


def test_limit_parameters_declare_the_enforced_maximum(document, settings):
    for path in ("/api/v3/pages/", "/api/v3/stories/"):
        parameters = {p["name"]: p["schema"] for p in document["paths"][path]["get"]["parameters"]}
        assert parameters["limit"]["maximum"] == settings.WAGTAILAPI_LIMIT_MAX
        assert parameters["limit"]["minimum"] == 1


def test_optional_action_bodies_are_plain_references(document):
    body = document["paths"]["/api/v3/pages/{page_id}/actions/unpublish/"]["post"]["requestBody"]
    schema = body["content"]["application/json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/PageUnpublishSchema"}


def test_a_story_body_is_a_list_of_typed_blocks_told_apart_by_their_type(document):
    schemas = document["components"]["schemas"]
    items = schemas["HeroStoryPageSchema"]["properties"]["body"]["items"]

    assert items["discriminator"]["propertyName"] == "type"
    assert set(items["discriminator"]["mapping"]) == {
        "paragraph",
        "quote",
        "image",
        "embed",
        "callout",
        "testimony",
    }
    image = schemas["StoryBodyImage"]
    assert image["properties"]["type"]["const"] == "image"
    assert set(image["required"]) == {"type", "value", "id"}
    assert schemas["EventPageSchema"]["properties"]["body"]["items"] == items


def test_each_page_type_requires_its_constant_meta_type(document):
    meta = document["components"]["schemas"]["HeroStoryPageMetaSchema"]
    assert meta["properties"]["type"]["const"] == "heroes.HeroStoryPage"
    assert "type" in meta["required"]
