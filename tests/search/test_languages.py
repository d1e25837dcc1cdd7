"""Each language searched with its own stemming, accents folded, names first, and only the
live, public, translated pages of the locale searched (PostgreSQL's text search)."""

import pytest
from wagtail.models import Locale, PageViewRestriction

from search.selectors import search_public_pages
from tests.factories import HeroStoryPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def found(query, language_code="en", **kwargs):
    locale = Locale.objects.get(language_code=language_code)
    return [page.title for page in search_public_pages(query, locale=locale, **kwargs).results]


def story(hub, name, *, headline="A story", intro="Told by the mission.", **kwargs):
    return HeroStoryPageFactory(
        parent=hub, hero_name=name, title=name, headline=headline, intro=intro, **kwargs
    )


def test_english_teachers_finds_a_teacher(hub_in):
    story(hub_in("en"), "Grace Akech", headline="The teacher of the camp school")

    assert found("teachers") == ["Grace Akech"]


def test_french_infirmieres_refugiees_finds_an_infirmiere_refugiee(hub_in):
    story(hub_in("fr"), "Awa Diallo", headline="Une infirmière réfugiée soigne le quartier")

    assert found("infirmières réfugiées", "fr") == ["Awa Diallo"]


def test_french_accents_are_folded_both_ways(hub_in):
    story(hub_in("fr"), "Awa Diallo", headline="Une infirmière réfugiée soigne le quartier")
    story(hub_in("fr"), "Rene Dupont", headline="Un ingenieur eleve des abeilles")

    assert found("infirmiere refugiee", "fr") == ["Awa Diallo"]
    assert found("ingénieur élève", "fr") == ["Rene Dupont"]


def test_spanish_maestras_finds_a_maestra(hub_in):
    story(hub_in("es"), "Lucía Pérez", headline="La maestra que abrió una escuela de música")

    assert found("maestras", "es") == ["Lucía Pérez"]
    assert found("musica", "es") == ["Lucía Pérez"]


def test_arabic_al_muallimun_finds_a_muallim(hub_in):
    story(hub_in("ar"), "فاطمة حسن", slug="fatima", headline="معلم في مخيم اللاجئين")

    assert found("المعلمون", "ar") == ["فاطمة حسن"]


def test_a_country_named_in_arabic_finds_the_heroes_from_it_first(hub_in):
    hub = hub_in("ar")
    story(hub, "أحمد علي", slug="ahmed", country_of_origin="SO", headline="طباخ في نيروبي")
    story(hub, "ليلى يوسف", slug="layla", country_of_origin="SY", headline="طبيبة في نيروبي")

    assert found("الصومال", "ar") == ["أحمد علي"]


def test_a_name_ranks_above_a_mention_in_the_story(hub_in):
    hub = hub_in("en")
    story(hub, "Maria Okafor", intro="Maria worked with Amina Yusuf for years.")
    story(hub, "Amina Yusuf", intro="She runs a sewing cooperative.")

    assert found("Amina Yusuf") == ["Amina Yusuf", "Maria Okafor"]


def test_refugee_nurses_finds_the_refugee_nurse_first(hub_in):
    hub = hub_in("en")
    story(hub, "Joseph Mensah", headline="A baker", intro="He once met a nurse.")
    story(hub, "Halima Noor", headline="The refugee nurse of Kakuma", intro="She nurses refugees.")

    assert found("refugee nurses")[0] == "Halima Noor"


def test_a_misspelt_name_suggests_the_hero(hub_in):
    story(hub_in("en"), "Cécile Kyenge", headline="From Congo to the European Parliament")

    outcome = search_public_pages("Kyenje", locale=Locale.objects.get(language_code="en"))

    assert outcome.count == 0
    assert outcome.did_you_mean == "Cécile Kyenge"


def test_a_french_query_never_returns_arabic_or_english_pages(hub_in):
    story(hub_in("ar"), "Nadia Karim", headline="Nadia Karim")
    story(hub_in("en"), "Nadia Karim", headline="Nadia Karim")
    story(hub_in("fr"), "Nadia Karim", headline="Nadia Karim")

    outcome = search_public_pages("Nadia Karim", locale=Locale.objects.get(language_code="fr"))

    assert [page.locale.language_code for page in outcome.results] == ["fr"]


def test_an_untranslated_alias_is_never_found_and_its_source_only_once(synced_tree):
    english = found("Amina Yusuf", "en")
    french = found("Amina Yusuf", "fr")

    assert english == ["Amina Yusuf"]
    assert french == []


def test_drafts_and_private_pages_are_never_found(hub_in):
    hub = hub_in("en")
    story(hub, "Draft Zanzibar", draft=True)
    private = story(hub, "Private Zanzibar")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    story(hub, "Public Zanzibar")

    assert found("zanzibar") == ["Public Zanzibar"]
