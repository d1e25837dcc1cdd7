"""A token sees and fills only the collections its user works in, as in the admin."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.models import APIToken, Collection, CollectionViewRestriction

from cms.core.models.documents import CampaignDocument
from cms.core.models.images import CampaignImage
from tests.api.helpers import assert_problem
from tests.factories import DocumentFactory, ImageFactory

pytestmark = pytest.mark.django_db


def bearer(user):
    _token, key = APIToken.create_token(user=user, name="mission website")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def jpeg(name="portrait.jpg"):
    output = io.BytesIO()
    PILImage.new("RGB", (640, 480), "teal").save(output, "JPEG")
    return SimpleUploadedFile(name, output.getvalue(), content_type="image/jpeg")


def pdf(name="press-kit.pdf"):
    return SimpleUploadedFile(
        name, b"%PDF-1.4\n% press kit\n%%EOF\n", content_type="application/pdf"
    )


@pytest.fixture
def kenya_photo(kenya):
    return ImageFactory(title="Kenya: Amina at her workshop", collection=kenya.collection)


@pytest.fixture
def italy_photo(italy):
    return ImageFactory(title="Italy: Ousmane at the port", collection=italy.collection)


@pytest.fixture
def headquarters_photo(kenya):
    """A photo in the root collection: MCD's, not a mission's."""
    return ImageFactory(title="HQ: campaign launch", collection=Collection.get_first_root_node())


@pytest.fixture
def kenya_leaflet(kenya):
    return DocumentFactory(title="Kenya: leaflet", collection=kenya.collection)


@pytest.fixture
def staff_only_document(kenya):
    """A document in a collection only logged-in people may download (any valid token)."""
    collection = Collection.get_first_root_node().add_child(name="Staff only")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return DocumentFactory(title="Staff only: salaries", collection=collection)


def titles(response):
    assert response.status_code == 200, response.content
    return {item["title"] for item in response.json()["items"]}


def test_a_mission_editors_token_lists_its_missions_images_only(
    client, kenya_editor, kenya_photo, italy_photo, headquarters_photo
):
    response = client.get("/api/v3/images/", **bearer(kenya_editor))

    assert titles(response) == {"Kenya: Amina at her workshop"}


def test_a_mission_editors_token_cannot_read_another_missions_image(
    client, kenya_editor, italy_photo
):
    response = client.get(f"/api/v3/images/{italy_photo.pk}/", **bearer(kenya_editor))

    assert_problem(response, 404)


def test_a_mission_editors_token_lists_neither_another_collections_nor_a_restricted_document(
    client, kenya_editor, kenya_leaflet, staff_only_document
):
    response = client.get("/api/v3/documents/", **bearer(kenya_editor))
    detail = client.get(f"/api/v3/documents/{staff_only_document.pk}/", **bearer(kenya_editor))

    assert titles(response) == {"Kenya: leaflet"}
    assert_problem(detail, 404)


def test_mcds_token_lists_every_missions_images(
    client, mcd, kenya_photo, italy_photo, headquarters_photo
):
    response = client.get("/api/v3/images/", **bearer(mcd))

    assert titles(response) == {
        "Kenya: Amina at her workshop",
        "Italy: Ousmane at the port",
        "HQ: campaign launch",
    }


def test_an_image_uploaded_into_the_editors_own_collection_is_stored_there(
    client, kenya, kenya_editor
):
    response = client.post(
        "/api/v3/images/",
        {
            "file": jpeg(),
            "title": "Grace at the clinic",
            "description": "Grace in the clinic she runs",
            "collection_id": kenya.collection.pk,
        },
        **bearer(kenya_editor),
    )

    assert response.status_code == 201, response.content
    assert CampaignImage.objects.get(title="Grace at the clinic").collection == kenya.collection


def test_an_image_upload_into_another_missions_collection_is_refused_and_not_stored(
    client, kenya_editor, italy
):
    response = client.post(
        "/api/v3/images/",
        {
            "file": jpeg(),
            "title": "Planted in Italy",
            "description": "A photo filed in someone else's collection",
            "collection_id": italy.collection.pk,
        },
        **bearer(kenya_editor),
    )

    assert_problem(response, 403)
    assert not CampaignImage.objects.filter(title="Planted in Italy").exists()


def test_a_document_upload_into_another_missions_collection_is_refused_and_not_stored(
    client, kenya_editor, italy
):
    response = client.post(
        "/api/v3/documents/",
        {"file": pdf(), "title": "Planted in Italy", "collection_id": italy.collection.pk},
        **bearer(kenya_editor),
    )

    assert_problem(response, 403)
    assert not CampaignDocument.objects.filter(title="Planted in Italy").exists()


def test_an_image_cannot_be_moved_into_another_missions_collection(
    client, kenya, kenya_editor, kenya_photo, italy
):
    response = client.patch(
        f"/api/v3/images/{kenya_photo.pk}/",
        data={"collection_id": italy.collection.pk},
        content_type="application/json",
        **bearer(kenya_editor),
    )

    assert_problem(response, 403)
    kenya_photo.refresh_from_db()
    assert kenya_photo.collection == kenya.collection


def test_an_image_keeps_its_collection_when_its_title_changes(
    client, kenya, kenya_editor, kenya_photo
):
    response = client.patch(
        f"/api/v3/images/{kenya_photo.pk}/",
        data={"title": "Kenya: Amina and her apprentices", "collection_id": kenya.collection.pk},
        content_type="application/json",
        **bearer(kenya_editor),
    )

    assert response.status_code == 200, response.content
    kenya_photo.refresh_from_db()
    assert kenya_photo.title == "Kenya: Amina and her apprentices"
    assert kenya_photo.collection == kenya.collection
