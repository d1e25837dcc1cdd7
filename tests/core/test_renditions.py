"""Renditions made at publish time, for the images each page type names (cms.core.renditions)."""

import re
from pathlib import Path

import pytest

from cms.core.api_fields import IMAGE_RENDITIONS
from cms.core.renditions import RENDITIONS_MADE_AT_PUBLISH
from home.models import CampaignMaterial
from tests.factories import CampaignMaterialFactory, ImageFactory

CORE = Path(__file__).resolve().parents[2] / "cms" / "core"


@pytest.mark.django_db
def test_a_home_pages_banner_gets_its_renditions_when_the_page_is_published(home_page):
    home_page.banner_image = ImageFactory()
    home_page.save_revision().publish()

    made = set(home_page.banner_image.renditions.values_list("filter_spec", flat=True))
    assert made == set(RENDITIONS_MADE_AT_PUBLISH)
    assert set(IMAGE_RENDITIONS.values()) <= made


@pytest.mark.django_db
def test_a_social_visuals_sizes_are_made_when_the_material_is_published():
    # The home page and the hubs list it: their first reader must not make its sizes.
    material = CampaignMaterialFactory(
        kind=CampaignMaterial.Kind.SOCIAL_VISUAL, document=None, image=ImageFactory()
    )
    material.save_revision().publish()

    made = set(material.image.renditions.values_list("filter_spec", flat=True))
    assert {"width-600", "width-1400"} <= made


def test_the_core_app_names_no_field_route_or_module_of_the_campaign_apps():
    """cms.core is the base the apps stand on: each page type tells it what it needs."""
    naming = re.compile(r"\b(from|import) (heroes|home|search|webhooks)\b|\breverse\(")
    offenders = [
        str(path.relative_to(CORE))
        for path in [*CORE.glob("templatetags/*.py"), CORE / "renditions.py"]
        if naming.search(path.read_text())
    ]
    renditions = (CORE / "renditions.py").read_text()

    assert offenders == []
    assert "banner_image" not in renditions
    assert '"photo"' not in renditions


TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
IMAGE_TAG = re.compile(r"{%\s*(image|srcset_image)\s+\S+\s+([^\s%]+)")


def template_filter_specs():
    """Every filter spec the templates' image tags ask for, `width-{600,1000}` expanded."""
    specs = set()
    for template in TEMPLATES.rglob("*.html"):
        for _tag, spec in IMAGE_TAG.findall(template.read_text()):
            if match := re.fullmatch(r"(\w+)-\{([\d,]+)\}", spec):
                specs.update(f"{match[1]}-{size}" for size in match[2].split(","))
            else:
                specs.add(spec)
    return specs


def test_every_size_a_template_shows_is_made_at_publish():
    specs = template_filter_specs()

    assert specs, "the templates show images"
    assert specs <= set(RENDITIONS_MADE_AT_PUBLISH)
