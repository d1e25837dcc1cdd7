"""Every public page type shares with a title, a description and a picture."""

import pytest
from bs4 import BeautifulSoup

from tests.cms.conftest import PAGE_TYPES

pytestmark = pytest.mark.django_db


def open_graph(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {tag["property"]: tag["content"] for tag in soup.find_all("meta", property=True)}


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_public_page_type_has_an_open_graph_title_description_and_image(
    client, every_page_type, page_type
):
    page = getattr(every_page_type, page_type)

    response = client.get(page.url)

    assert response.status_code == 200
    tags = open_graph(response)
    assert tags["og:title"]
    assert tags["og:description"].strip()
    assert tags["og:image"].startswith("http://testserver/media/images/")


def test_a_page_without_a_picture_is_shared_with_the_campaign_banner(client, every_page_type):
    banner = open_graph(client.get(every_page_type.home.url))["og:image"]

    tags = open_graph(client.get(every_page_type.headquarters.url))

    assert tags["og:image"] == banner


def test_a_hub_is_described_by_its_description_and_an_index_by_its_intro(client, every_page_type):
    hub = open_graph(client.get(every_page_type.headquarters.url))
    calendar = open_graph(client.get(every_page_type.calendar.url))

    assert (
        hub["og:description"]
        == "IOM Headquarters (MCD) tells the stories of the migrant heroes it works with."
    )
    assert calendar["og:description"] == (
        "Campaign events, hero features and partner events near you."
    )
