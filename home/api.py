"""Campaign material for partner sites: `/api/v3/materials/` (published material per locale).

The campaign's own (MCD's, `mission` null) and each mission's, once endorsed and published
(home.selectors); `?mission=<hub id>` keeps one mission's. A social visual is an image, shown
as renditions only while its consent holds (cms.core.consent); other kinds are documents.
"""

from ninja import Field, Query, Router, Schema

from cms.core.api_fields import (
    DocumentDict,
    ImageDict,
    document_representation,
    image_representation,
)
from cms.core.api_routes import listing
from heroes.api.params import LOCALE_DESCRIPTION, get_locale, get_mission
from heroes.models import Mission
from home import selectors

router = Router(tags=["campaign material"])


class MaterialMission(Schema):
    country: str = Field(description="ISO 3166 code of the mission's country.")
    name: str


class Material(Schema):
    id: int
    title: str
    kind: str
    description: str
    mission: MaterialMission | None = Field(
        description="The mission whose own material this is; null for the campaign's."
    )
    document: DocumentDict | None = Field(description="The file; null for a social visual.")
    image: ImageDict | None = Field(
        description="The visual (a social visual) or a preview, as renditions; null when none "
        "or when the pictured person's consent is not recorded."
    )

    @staticmethod
    def resolve_mission(material) -> dict | None:
        mission = material.mission
        return {"country": mission.country.code, "name": mission.name} if mission else None

    @staticmethod
    def resolve_document(material) -> DocumentDict | None:
        return document_representation(material.document) if material.document else None

    @staticmethod
    def resolve_image(material) -> ImageDict | None:
        return image_representation(material.image)


class MaterialFilters(Schema):
    locale: str | None = Field(None, description=LOCALE_DESCRIPTION)
    mission: int | None = Field(
        None, description="Only the material of this mission (the id of its hub page)."
    )


@listing(
    router, Material, name="materials", summary="Live campaign material (info sheets, posters …)"
)
def list_materials(request, filters: MaterialFilters = Query(...)):  # noqa: B008
    locale = get_locale(filters.locale)
    mission = None
    if filters.mission is not None:
        hub = get_mission(filters.mission)
        mission = Mission.objects.filter(country=hub.country).first() if hub.country else None
        if mission is None:
            return selectors.live_material(locale=locale).none()
    return selectors.live_material(locale=locale, mission=mission)
