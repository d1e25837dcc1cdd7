"""The content API in every language: a locale filter, and each page's translations."""

import pytest
from wagtail.models import Page

pytestmark = pytest.mark.django_db


def test_the_pages_listing_filtered_by_locale_lists_only_that_languages_pages(client, synced_tree):
    response = client.get("/api/v3/pages/", {"locale": "fr", "limit": 20})

    assert response.status_code == 200
    items = response.json()["items"]
    french_ids = set(
        Page.objects.live().filter(locale=synced_tree.locales["fr"]).values_list("pk", flat=True)
    )
    assert {item["id"] for item in items} == french_ids
    assert {item["meta"]["locale"] for item in items} == {"fr"}
    assert all("/fr/" in item["meta"]["html_url"] for item in items)


def test_a_pages_detail_lists_its_translations_by_locale_with_id_and_url(client, synced_tree):
    story = synced_tree.story
    french = story.get_translation(synced_tree.locales["fr"])

    response = client.get(f"/api/v3/pages/{french.pk}/")

    assert response.status_code == 200
    translations = {item["locale"]: item for item in response.json()["translations"]}
    assert set(translations) == {"en", "es", "ar"}
    assert translations["en"]["id"] == story.pk
    assert translations["en"]["url"].endswith("/en/missions/iom-kenya/amina-yusuf/")
    for code in ("es", "ar"):
        assert translations[code]["id"] == story.get_translation(synced_tree.locales[code]).pk
        assert translations[code]["url"].endswith(f"/{code}/missions/iom-kenya/amina-yusuf/")
