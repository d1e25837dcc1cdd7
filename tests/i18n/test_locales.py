"""Locales come from settings; every tree has the English tree's shape, aliases until translated."""

import pytest
from django.test import override_settings
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization

from cms.core.locales import sync_locales
from cms.core.roles import ensure_translator_groups, translator_group
from heroes.models import HeroStoryPage
from tests.factories import HeroStoryPageFactory

pytestmark = pytest.mark.django_db


def test_every_content_language_has_a_locale_synchronised_from_english(synced_tree):
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"en", "fr", "es", "ar"}
    synchronizations = LocaleSynchronization.objects.select_related("locale", "sync_from")
    assert {(s.locale.language_code, s.sync_from.language_code) for s in synchronizations} == {
        ("fr", "en"),
        ("es", "en"),
        ("ar", "en"),
    }


def test_every_locale_tree_has_the_same_pages_as_the_english_one(synced_tree):
    english_keys = set(
        Page.objects.filter(locale__language_code="en", depth__gt=1).values_list(
            "translation_key", flat=True
        )
    )
    for code in ("fr", "es", "ar"):
        keys = set(
            Page.objects.filter(locale__language_code=code).values_list(
                "translation_key", flat=True
            )
        )
        assert keys == english_keys


def test_an_untranslated_story_is_served_in_french_as_an_alias_of_the_english_one(
    client, synced_tree
):
    french = synced_tree.story.get_translation(synced_tree.locales["fr"])
    assert french.alias_of_id == synced_tree.story.pk

    response = client.get("/fr/missions/iom-kenya/amina-yusuf/")

    assert response.status_code == 200
    assert response.context["page"].pk == french.pk
    assert b'<html lang="fr"' in response.content
    assert b"The sewing circle that became a cooperative" in response.content


def test_sync_locales_is_idempotent(synced_tree):
    pages = Page.objects.count()
    assert sync_locales() == []
    assert Page.objects.count() == pages


def test_a_story_added_later_reaches_every_locale_as_an_alias(synced_tree):
    story = HeroStoryPageFactory(parent=synced_tree.hub, hero_name="Jean-Paul Habimana")

    sync_locales()

    aliases = HeroStoryPage.objects.filter(alias_of=story)
    assert set(aliases.values_list("locale__language_code", flat=True)) == {"fr", "es", "ar"}


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("fr-FR,fr;q=0.9,en;q=0.5", "/fr/"),
        ("es-MX,es;q=0.9", "/es/"),
        ("ar-JO,ar;q=0.9", "/ar/"),
        ("de-DE,de;q=0.9", "/en/"),
        ("", "/en/"),
    ],
)
def test_the_root_redirects_to_the_readers_language_or_english(
    client, synced_tree, accept_language, expected
):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)

    assert response.status_code == 302
    assert response["Location"] == expected


FIVE_LANGUAGES = [
    ("en", "English"),
    ("fr", "French"),
    ("es", "Spanish"),
    ("ar", "Arabic"),
    ("pt", "Portuguese"),
]


def test_a_fifth_language_needs_only_configuration(client, synced_tree):
    with override_settings(LANGUAGES=FIVE_LANGUAGES, WAGTAIL_CONTENT_LANGUAGES=FIVE_LANGUAGES):
        assert sync_locales() == ["pt"]
        ensure_translator_groups()

        portuguese = synced_tree.story.get_translation(Locale.objects.get(language_code="pt"))
        assert portuguese.alias_of_id == synced_tree.story.pk
        assert translator_group("pt").name == "Translators — Portuguese"

        home = client.get("/pt/")
        story = client.get("/pt/missions/iom-kenya/amina-yusuf/")
        api_stories = client.get("/api/v3/stories/?locale=pt")
        api_materials = client.get("/api/v3/materials/?locale=pt")

        assert client.get("/", HTTP_ACCEPT_LANGUAGE="pt-BR,pt;q=0.9")["Location"] == "/pt/"

    assert home.status_code == 200
    assert b'<html lang="pt" dir="ltr">' in home.content
    assert story.status_code == 200
    assert story.context["page"].pk == portuguese.pk
    assert b'hreflang="pt"' in story.content
    assert b'<meta property="og:locale" content="pt_PT">' in story.content
    assert api_stories.status_code == 200, api_stories.content
    assert [item["id"] for item in api_stories.json()["items"]] == [portuguese.pk]
    assert api_materials.status_code == 200
