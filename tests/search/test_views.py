"""The search page: live public pages of the reader's language, at a fixed cost."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import HeroStoryPageFactory

pytestmark = pytest.mark.django_db


def queries_for(client, query):
    client.get("/en/search/", {"query": query})  # warm: renditions made, site cached
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/en/search/", {"query": query})
    assert response.status_code == 200
    return len(captured), response


def test_search_costs_the_same_queries_for_one_result_as_for_a_full_page(
    client, settings, mission_hub
):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if "PublicResponseCache" not in m]
    HeroStoryPageFactory(parent=mission_hub, hero_name="Solo Weaver", headline="A weaver")
    for _ in range(10):
        HeroStoryPageFactory(parent=mission_hub, headline="A teacher of teachers")

    one, one_response = queries_for(client, "weaver")
    many, many_response = queries_for(client, "teacher")

    assert one_response.content.count(b"search-result__media") == 1
    assert many_response.content.count(b"search-result__media") == 10
    assert many == one
