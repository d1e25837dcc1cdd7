"""Renditions made at publish time, for the images each page type names (cms.core.renditions)."""

import re
from pathlib import Path

import pytest

from cms.core.api_fields import IMAGE_RENDITIONS
from tests.factories import ImageFactory

CORE = Path(__file__).resolve().parents[2] / "cms" / "core"


@pytest.mark.django_db
def test_a_home_pages_banner_gets_its_renditions_when_the_page_is_published(home_page):
    home_page.banner_image = ImageFactory()
    home_page.save_revision().publish()

    made = set(home_page.banner_image.renditions.values_list("filter_spec", flat=True))
    assert made == set(IMAGE_RENDITIONS.values())


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
