"""Campaign material for partner sites: `/api/v3/materials/` (live documents per locale)."""

from ninja import Field, Query, Router, Schema

from cms.core.api_fields import DocumentDict, DocumentField
from heroes.api.params import get_locale
from home.models import CampaignMaterial

router = Router(tags=["campaign material"])
_document = DocumentField()


class Material(Schema):
    id: int
    title: str
    kind: str
    description: str
    document: DocumentDict


class MaterialFilters(Schema):
    locale: str | None = Field(None, description="Language code (en, fr, es, ar); default en.")


@router.get(
    "/",
    response=list[Material],
    url_name="list_materials",
    summary="Live campaign material (info sheets, posters …)",
    operation_id="materials_list",
)
def list_materials(request, filters: MaterialFilters = Query(...)):  # noqa: B008
    materials = CampaignMaterial.objects.filter(
        live=True, locale=get_locale(filters.locale)
    ).select_related("document")
    return [
        {
            "id": material.pk,
            "title": material.title,
            "kind": material.kind,
            "description": material.description,
            "document": _document.to_representation(material.document),
        }
        for material in materials
    ]
