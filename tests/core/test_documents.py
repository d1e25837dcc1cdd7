import pytest

from tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db


def test_a_campaign_document_carries_a_description_editors_can_fill_in():
    document = DocumentFactory(description="The A4 sheet to print and hand out.")

    assert "description" in document.admin_form_fields
    assert document.description == "The A4 sheet to print and hand out."
    assert document.file.name.endswith(".pdf")
