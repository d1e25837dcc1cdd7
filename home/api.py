"""Campaign material for partner sites: `/api/v3/materials/` (live documents per locale)."""

from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination

from cms.core.api_fields import DocumentDict, DocumentField
from heroes.api.params import LOCALE_DESCRIPTION, get_locale
from home.models import CampaignMaterial

router = Router(tags=["campaign material"])
_document = DocumentField()


class Material(Schema):
    id: int
    title: str
    kind: str
    description: str
    document: DocumentDict

    @staticmethod
    def resolve_document(material) -> DocumentDict:
        return _document.to_representation(material.document)


class MaterialFilters(Schema):
    locale: str | None = Field(None, description=LOCALE_DESCRIPTION)


@router.get(
    "/",
    response=list[Material],
    url_name="list_materials",
    summary="Live campaign material (info sheets, posters …)",
    operation_id="materials_list",
)
@paginate(WagtailLimitOffsetPagination)
def list_materials(request, filters: MaterialFilters = Query(...)):  # noqa: B008
    return CampaignMaterial.objects.filter(
        live=True, locale=get_locale(filters.locale)
    ).select_related("document")
