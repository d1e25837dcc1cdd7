"""Named queries of campaign material: what the public may see of it, read everywhere here.

Material is public once published (`live`): a draft, or one waiting for its endorsement, is
not. The campaign's own material (no mission) is on the home page of its language; each
mission's is on its hub. The API lists both (home.api).
"""

from django.db.models import Q

from heroes.models import Mission
from home.models import CampaignMaterial


def public_material():
    """Every published piece of material, in any language, with what it shows."""
    return (
        CampaignMaterial.objects.filter(live=True)
        .filter(Q(document__isnull=False) | Q(image__isnull=False))
        .select_related("document", "image", "mission", "locale")
        .prefetch_related("image__renditions")
    )


def live_material(*, locale, mission=None):
    """The published material of `locale`: all of it, or only `mission`'s (a Mission)."""
    material = public_material().filter(locale=locale)
    if mission is not None:
        material = material.filter(mission=mission)
    return material


def campaign_material(*, locale):
    """The campaign's own material (MCD's, no mission) of `locale`: the home page's."""
    return public_material().filter(locale=locale, mission__isnull=True)


def material_of_hub(hub):
    """The published material of the hub's mission, each piece in the hub's language when
    translated there, else as written (a hub alias shows its mission's material untranslated,
    as it shows its stories). Empty for headquarters' hub."""
    if not hub.country:
        return []
    mission = Mission.objects.filter(country=hub.country).first()
    if mission is None:
        return []
    by_key = {}
    for item in public_material().filter(mission=mission).order_by("pk"):
        chosen = by_key.get(item.translation_key)
        if (
            chosen is None
            or item.locale_id == hub.locale_id
            or (chosen.locale_id != hub.locale_id and item.locale.is_default)
        ):
            by_key[item.translation_key] = item
    return sorted(by_key.values(), key=lambda item: (item.sort_order, item.title))
