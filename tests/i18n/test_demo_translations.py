"""The demo campaign reads in French, Spanish and Arabic, translated through wagtail-localize.

The demo is loaded once for the module, with its logins (in a transaction rolled back at the
end): each test reads it in its own savepoint.
"""

import html

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cms.core.roles import translator_group
from heroes.models import HeroCategory, HeroStoryPage, MissionHubPage
from home.demo import translations
from home.management.commands.load_demo import demo_translators
from home.models import CampaignMaterial, HomePage

pytestmark = pytest.mark.django_db

# What the development settings give `load_demo --admin`.
DEMO_LOGIN = {"DEMO_ADMIN_USERNAME": "admin", "DEMO_ADMIN_PASSWORD": "changeme"}


def load_demo_with_logins():
    with override_settings(**DEMO_LOGIN):
        call_command("load_demo", admin=True, year=2026, verbosity=0)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo_with_logins()
        yield
        transaction.set_rollback(True)


def page_text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return html.unescape(response.content.decode())


@pytest.mark.parametrize(
    ("language_code", "banner_heading", "call_to_action", "direction"),
    [
        ("fr", "Les migrants sont des héros dans leurs communautés", "Proposez un héros", "ltr"),
        ("es", "Los migrantes son héroes en sus comunidades", "Proponga a un héroe", "ltr"),
        ("ar", "المهاجرون أبطال في مجتمعاتهم", "رشّح بطلًا", "rtl"),
    ],
)
def test_the_demo_home_page_is_served_translated_in_each_language(
    demo, client, language_code, banner_heading, call_to_action, direction
):
    text = page_text(client, f"/{language_code}/")

    assert f'<html lang="{language_code}" dir="{direction}">' in text
    assert banner_heading in text
    assert call_to_action in text
    assert "Migrants are heroes in their communities" not in text


@pytest.mark.parametrize(
    ("language_code", "expected"),
    [
        (
            "fr",
            [
                "L'atelier de couture devenu coopérative",
                "Une aiguille ne demande pas d'où l'on vient.",
                "La coopérative accueille aussi bien des Kényanes que des Somaliennes",
                "Leader communautaire",
            ],
        ),
        (
            "es",
            [
                "El círculo de costura que se convirtió en cooperativa",
                "Una aguja no pregunta de dónde vienes.",
                "Líder comunitario",
            ],
        ),
        (
            "ar",
            [
                "أمينة يوسف",
                "حلقة خياطة تحوّلت إلى تعاونية",
                "الإبرة لا تسألك من أين أتيت",
                "قائد مجتمعي",
            ],
        ),
    ],
)
def test_a_translated_demo_story_is_served_in_the_readers_language(
    demo, client, language_code, expected
):
    text = page_text(client, f"/{language_code}/missions/kenya/amina-yusuf/")

    for words in expected:
        assert words in text
    assert "The sewing circle that became a cooperative" not in text


def test_the_public_figures_stories_are_translated(demo, client):
    assert "De Davao à l'Assemblée nationale" in page_text(
        client, "/fr/missions/republic-of-korea/jasmine-lee/"
    )
    assert "ministra de Integración" in page_text(client, "/es/missions/italy/cecile-kyenge/")
    assert "سيسيل كيينغي" in page_text(client, "/ar/missions/italy/cecile-kyenge/")


def test_an_untranslated_demo_story_is_served_in_english_as_an_alias(demo, client):
    english = HeroStoryPage.objects.get(slug="grace-akech", locale=Locale.get_default())
    french = english.get_translation(Locale.objects.get(language_code="fr"))

    text = page_text(client, "/fr/missions/kenya/grace-akech/")

    assert french.alias_of_id == english.pk
    assert '<html lang="fr" dir="ltr">' in text
    assert "Running for the girls who come next" in text


def test_the_demo_translations_are_wagtail_localize_translations_of_the_english_pages(demo):
    english = Locale.get_default()
    translated = [
        HomePage.objects.get(locale=english),
        *Page.objects.filter(locale=english, slug__in=translations.PAGES, depth=3),
        *MissionHubPage.objects.filter(locale=english),
        *HeroStoryPage.objects.filter(locale=english, slug__in=translations.STORIES),
    ]
    # home, the 6 pages under it (stories, missions, calendar, nominate, vote, ambassadors),
    # 6 hubs, 6 stories
    assert len(translated) == 1 + 6 + 6 + 6
    assert {"jasmine-lee", "cecile-kyenge"} <= set(translations.STORIES)

    for page in translated:
        source = TranslationSource.objects.get_for_instance(page)
        for code in translations.LANGUAGES:
            locale = Locale.objects.get(language_code=code)
            assert Translation.objects.filter(source=source, target_locale=locale).exists()
            target = page.get_translation(locale)
            assert target.alias_of_id is None, (page, code)
            assert target.live and not target.has_unpublished_changes, (page, code)
            if code == "ar" and page.title != "#MigrantHeroes":
                assert target.title != page.title, page


def test_some_demo_stories_stay_untranslated_to_show_the_fallback(demo):
    french = Locale.objects.get(language_code="fr")
    aliases = HeroStoryPage.objects.filter(locale=french, alias_of__isnull=False)

    assert aliases.count() >= 3
    assert not aliases.filter(slug__in=translations.STORIES).exists()


def test_hero_categories_and_campaign_material_are_translated(demo):
    for code, category, material in [
        ("fr", "Personnalité publique", "Fiche d'information #MigrantHeroes (A4)"),
        ("es", "Figura pública", "Hoja informativa de #MigrantHeroes (A4)"),
        ("ar", "شخصية عامة", "النشرة التعريفية لحملة #MigrantHeroes (A4)"),
    ]:
        locale = Locale.objects.get(language_code=code)
        assert HeroCategory.objects.filter(locale=locale).count() == 7
        assert HeroCategory.objects.get(locale=locale, slug="public-figure").name == category
        translated = CampaignMaterial.objects.get(locale=locale, kind="info_sheet")
        assert translated.title == material
        assert translated.live


@pytest.mark.parametrize(
    ("language_code", "criterion", "ambassadors", "citation"),
    [
        ("fr", "Prêt à parler publiquement", "Ambassadeurs de bonne", "Pour la coopérative"),
        ("es", "Dispuesto a hacerse público", "Embajadores de Buena", "Por la cooperativa"),
        ("ar", "مستعد للظهور علنًا", "سفراء النوايا الحسنة", "تقديرًا للتعاونية"),
    ],
)
def test_the_criteria_and_the_goodwill_ambassadors_are_translated(
    demo, client, language_code, criterion, ambassadors, citation
):
    nominate = page_text(client, f"/{language_code}/nominate/")
    listing = page_text(client, f"/{language_code}/ambassadors/")

    assert criterion in nominate
    assert "Willing to become public" not in nominate
    assert ambassadors in listing
    assert citation in listing
    assert citation in page_text(client, f"/{language_code}/missions/kenya/amina-yusuf/")


def test_a_translators_later_edit_survives_a_second_load_demo(demo):
    french = Locale.objects.get(language_code="fr")
    edited = StringTranslation.objects.get(
        locale=french, translation_of__data="Nominate a hero", context__path__endswith="heading"
    )
    edited.data = "Proposez votre héros"
    edited.save()

    call_command("load_demo", year=2026, verbosity=0)

    edited.refresh_from_db()
    assert edited.data == "Proposez votre héros"


def test_the_demo_has_a_translator_login_per_language(demo):
    assert demo_translators() == {
        "fr": "french-translator",
        "es": "spanish-translator",
        "ar": "arabic-translator",
    }


@pytest.mark.parametrize("language_code", ["fr", "es", "ar"])
def test_a_demo_translator_edits_their_languages_tree_only(demo, client, language_code):
    """Wagtail answers another tree's edit view with a redirect to the dashboard (302)."""
    assert client.login(username=demo_translators()[language_code], password="changeme")
    story = HeroStoryPage.objects.get(slug="amina-yusuf", locale=Locale.get_default())

    for locale in Locale.objects.all():
        page = story.get_translation(locale)
        response = client.get(f"/admin/pages/{page.pk}/edit/")
        if locale.language_code == language_code:
            assert response.status_code == 200, locale
        else:
            assert response.status_code == 302, locale
            assert response["Location"] == "/admin/"


def test_a_second_load_demo_keeps_one_translator_per_language(demo):
    User = get_user_model()
    before = set(User.objects.values_list("username", "groups__name"))

    load_demo_with_logins()

    assert set(User.objects.values_list("username", "groups__name")) == before
    for language_code, username in demo_translators().items():
        assert User.objects.get(username=username).groups.get() == translator_group(language_code)
