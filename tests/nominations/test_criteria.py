"""Who is a Migrant Hero? MCD's criteria, translated: on the nomination page, in the API, on
the "Add a story" screen, and ticked by a nomination's reviewer."""

import html
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from wagtail.models import ModelLogEntry

from cms.core.roles import ensure_translator_groups
from heroes.models import Nomination, NominationCriteria
from heroes.services import criteria as criteria_rules
from home.demo import content, translations
from tests.factories import UserFactory
from tests.four_languages import campaign_for_the_module, translate

pytestmark = pytest.mark.django_db

CRITERIA = [
    ("Willing to become public", "They are willing to become public."),
    ("An advocate for migrants", "They have the capacity to advocate for migrants."),
    ("A contribution recognised", "They contribute to their community."),
]
TRANSLATED = {
    "fr": {
        "Who is a Migrant Hero?": "Qui est un héros migrant ?",
        "Willing to become public": "Prêt à parler publiquement",
        "They are willing to become public.": "La personne est prête à se faire connaître.",
        "An advocate for migrants": "Une voix pour les migrants",
    },
    "ar": {
        "Who is a Migrant Hero?": "من هو البطل المهاجر؟",
        "Willing to become public": "مستعد للظهور علنًا",
        "An advocate for migrants": "مدافع عن المهاجرين",
    },
}


@pytest.fixture(scope="module")
def campaign(django_db_setup, django_db_blocker):
    """The four-language campaign with MCD's criteria in English, translated into French and
    Arabic (not Spanish)."""
    with campaign_for_the_module(django_db_blocker) as campaign:
        campaign.criteria = NominationCriteria.objects.create(
            heading="Who is a Migrant Hero?",
            intro="Your nomination is read against these criteria.",
            criteria=[
                ("criterion", {"title": title, "explanation": explanation})
                for title, explanation in CRITERIA
            ],
            locale=campaign.locales["en"],
        )
        for code, texts in TRANSLATED.items():
            translate(campaign.criteria, campaign.locales[code], texts)
        yield campaign


@pytest.fixture
def criteria(campaign):
    return NominationCriteria.objects.get(pk=campaign.criteria.pk)


@pytest.fixture
def nomination(campaign):
    return Nomination.objects.create(
        hero_name="Halima Hassan",
        country="KE",
        story="Halima teaches forty children to read every evening.",
        nominator_name="Joseph Otieno",
        nominator_email="joseph@example.org",
        mission=campaign.kenya,
    )


def text_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return html.unescape(response.content.decode())


def ids_of(criteria):
    return [item.id for item in criteria.items]


def test_the_nomination_page_shows_the_criteria_in_the_readers_language(client, criteria):
    french = text_of(client, "/fr/nominate/")
    arabic = text_of(client, "/ar/nominate/")
    spanish = text_of(client, "/es/nominate/")

    assert 'id="criteria"' in french
    assert "Qui est un héros migrant ?" in french
    assert "Prêt à parler publiquement" in french
    assert "La personne est prête à se faire connaître." in french
    assert french.index("Prêt à parler publiquement") < french.index("Une voix pour les migrants")
    assert "Who is a Migrant Hero?" not in french
    assert "من هو البطل المهاجر؟" in arabic and "مدافع عن المهاجرين" in arabic
    # Not translated into Spanish: the English criteria, said to be English.
    assert 'aria-labelledby="criteria-heading" lang="en" dir="ltr"' in spanish
    assert "Willing to become public" in spanish


def test_the_api_gives_the_criteria_in_the_requested_language(client, criteria):
    url = reverse("wagtailapi_v3:nomination_criteria")

    english = client.get(url).json()
    arabic = client.get(url, {"locale": "ar"}).json()
    spanish = client.get(url, {"locale": "es"}).json()

    assert english["heading"] == "Who is a Migrant Hero?"
    assert [item["title"] for item in english["criteria"]] == [title for title, _ in CRITERIA]
    assert arabic["locale"] == "ar"
    assert arabic["criteria"][1]["title"] == "مدافع عن المهاجرين"
    # A criterion is the same one in every language: a front end may tick it by id.
    assert [item["id"] for item in arabic["criteria"]] == ids_of(criteria)
    assert (spanish["locale"], spanish["heading"]) == ("en", "Who is a Migrant Hero?")
    assert client.get(url, {"locale": "xx"}).status_code == 422


def test_the_api_answers_404_before_mcd_wrote_the_criteria(client, campaign):
    NominationCriteria.objects.all().delete()

    response = client.get(reverse("wagtailapi_v3:nomination_criteria"))

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_the_nomination_api_points_to_the_criteria(client, campaign):
    document = client.get("/api/v3/openapi.json").json()

    criteria = document["paths"]["/api/v3/nominations/criteria/"]["get"]
    assert criteria["operationId"] == "nominations_criteria"
    nominate = document["paths"]["/api/v3/nominations/"]["post"]
    assert "/api/v3/nominations/criteria/" in nominate["description"]


def test_the_add_a_story_screen_shows_and_links_the_criteria(client, campaign, criteria):
    client.force_login(campaign.kenya_editor)

    screen = text_of(
        client, reverse("wagtailadmin_pages:add", args=["heroes", "herostorypage", campaign.hub.pk])
    )

    assert "data-criteria-help" in screen
    assert "An advocate for migrants" in screen
    assert 'href="http://localhost/en/nominate/#criteria"' in screen


def test_the_reviewer_ticks_the_criteria_the_hero_meets_and_they_show_afterwards(
    client, campaign, criteria, nomination
):
    first, second, third = ids_of(criteria)
    client.force_login(campaign.kenya_editor)
    review_url = reverse("nominations:inspect", args=[nomination.pk])
    assert 'name="criteria"' in text_of(client, review_url)

    response = client.post(
        reverse("nominations:criteria", args=[nomination.pk]), {"criteria": [third, first]}
    )

    assert response.status_code == 302
    nomination.refresh_from_db()
    assert nomination.criteria_met == [
        {"id": first, "title": "Willing to become public"},
        {"id": third, "title": "A contribution recognised"},
    ]
    review = text_of(client, review_url)
    ticked = review[review.index("data-criteria-met") :]
    assert "Willing to become public" in ticked and "A contribution recognised" in ticked
    assert "An advocate for migrants" not in ticked
    assert re.search(rf'value="{first}"[^>]*checked', review)
    assert not re.search(rf'value="{second}"[^>]*checked', review)
    entry = ModelLogEntry.objects.get(action="heroes.nomination_criteria_recorded")
    assert (entry.object_id, entry.user_id) == (str(nomination.pk), campaign.kenya_editor.pk)


def test_only_the_heros_reviewers_tick_and_only_listed_criteria(campaign, criteria, nomination):
    with pytest.raises(PermissionDenied):
        criteria_rules.record_criteria_met(
            user=campaign.italy_editor, nomination=nomination, criterion_ids=ids_of(criteria)[:1]
        )
    with pytest.raises(ValidationError):
        criteria_rules.record_criteria_met(
            user=campaign.kenya_editor, nomination=nomination, criterion_ids=["not-a-criterion"]
        )

    nomination.refresh_from_db()
    assert nomination.criteria_met == []


def test_a_mission_editor_cannot_edit_the_criteria(client, campaign, criteria):
    client.force_login(campaign.kenya_editor)
    edit_url = reverse("wagtailsnippets_heroes_nominationcriteria:edit", args=[criteria.pk])

    assert client.get(edit_url).status_code != 200
    client.post(edit_url, {"heading": "Anyone at all"})
    assert client.get(reverse("wagtailsnippets_heroes_nominationcriteria:add")).status_code != 200

    criteria.refresh_from_db()
    assert criteria.heading == "Who is a Migrant Hero?"


def test_translators_translate_the_criteria_of_their_language_only(client, campaign, criteria):
    translator = UserFactory()
    translator.groups.add(ensure_translator_groups()["fr"])
    french = criteria.get_translation(campaign.locales["fr"])
    client.force_login(translator)

    edit = "wagtailsnippets_heroes_nominationcriteria:edit"
    editor = client.get(reverse(edit, args=[french.pk]))
    english = client.get(reverse(edit, args=[criteria.pk]))

    assert editor.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in editor.templates]
    assert english.status_code == 404


def test_the_demos_criteria_come_from_the_guidelines_in_every_language():
    words = [content.CRITERIA["heading"], content.CRITERIA["intro"]]
    words += [text for item in content.CRITERIA["criteria"] for text in item]

    for text in words:
        assert set(translations.TEXTS[text]) == {"fr", "es", "ar"}, text
    titles = [title for title, _explanation in content.CRITERIA["criteria"]]
    assert "Willing to become public" in titles and "An advocate for migrants" in titles
