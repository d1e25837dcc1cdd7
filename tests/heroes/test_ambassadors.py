"""IOM Goodwill Ambassadors: MCD marks a hero story; the mark shows on every copy of it (its
translations and aliases), on the Ambassadors page and in the API, and is in the audit log."""

import datetime as dt
import html

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageLogEntry, PageViewRestriction

from cms.core.locales import sync_trees
from heroes.models import GoodwillAmbassador
from heroes.services import ambassadors
from tests.factories import HeroStoryPageFactory
from tests.four_languages import campaign_for_the_module, translate

pytestmark = pytest.mark.django_db

SINCE = dt.date(2026, 10, 1)
CITATION = "For the cooperative that trained two hundred women in Nairobi."
FRENCH = {
    CITATION: "Pour la coopérative qui a formé deux cents femmes à Nairobi.",
    "The sewing circle that became a cooperative": "L'atelier de couture devenu coopérative",
}
STORY_PATH = "missions/iom-kenya/amina-yusuf/"


@pytest.fixture(scope="module")
def campaign(django_db_setup, django_db_blocker):
    """The four-language campaign, its story translated into French (Spanish and Arabic keep
    their aliases)."""
    with campaign_for_the_module(django_db_blocker) as campaign:
        campaign.french_story = translate(campaign.story, campaign.locales["fr"], FRENCH)
        yield campaign


def mark(user, story, since=SINCE, citation=CITATION):
    return ambassadors.save_goodwill_ambassador(
        user=user, ambassador=GoodwillAmbassador(story=story, since=since, citation=citation)
    )


def text_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return html.unescape(response.content.decode())


def test_only_mcd_makes_a_hero_a_goodwill_ambassador(campaign):
    with pytest.raises(PermissionDenied):
        mark(campaign.kenya_editor, campaign.story)
    assert not GoodwillAmbassador.objects.exists()

    mark(campaign.mcd, campaign.story)

    assert GoodwillAmbassador.objects.get().story_key == campaign.story.translation_key


def test_a_mission_editor_cannot_set_the_mark_in_the_admin(client, campaign):
    client.force_login(campaign.kenya_editor)
    add_url = reverse("wagtailsnippets_heroes_goodwillambassador:add")

    assert client.get(add_url).status_code != 200
    client.post(add_url, {"story": campaign.story.pk, "since": "2026-10-01", "citation": CITATION})
    story_editor = text_of(client, reverse("wagtailadmin_pages:edit", args=[campaign.story.pk]))

    assert not GoodwillAmbassador.objects.exists()
    # Nothing of the mark in the mission's story editor.
    assert 'name="since"' not in story_editor and 'name="citation"' not in story_editor
    assert "Make an IOM Goodwill Ambassador" not in story_editor


def test_mcd_marks_a_story_in_the_admin_and_its_history_says_so(client, campaign):
    client.force_login(campaign.mcd)
    story_editor = text_of(client, reverse("wagtailadmin_pages:edit", args=[campaign.story.pk]))
    add_url = reverse("wagtailsnippets_heroes_goodwillambassador:add")
    assert f"{add_url}?story={campaign.story.pk}" in story_editor  # "Make an IOM Goodwill …"

    response = client.post(
        add_url, {"story": campaign.story.pk, "since": "2026-10-01", "citation": CITATION}
    )

    assert response.status_code == 302
    assert GoodwillAmbassador.objects.get().since == SINCE
    entry = PageLogEntry.objects.get(action="heroes.goodwill_ambassador_marked")
    assert (entry.page_id, entry.user_id, entry.data["since"]) == (
        campaign.story.pk,
        campaign.mcd.pk,
        "2026-10-01",
    )
    history = text_of(client, reverse("wagtailadmin_pages:history", args=[campaign.story.pk]))
    assert "Made an IOM Goodwill Ambassador since 2026-10-01" in history
    site_history = text_of(client, reverse("wagtailadmin_reports:site_history"))
    assert "Made an IOM Goodwill Ambassador" in site_history
    listing = text_of(client, reverse("wagtailsnippets_heroes_goodwillambassador:list"))
    assert "Amina Yusuf" in listing


def test_a_hero_is_marked_once_whichever_copy_mcd_picks(campaign):
    mark(campaign.mcd, campaign.story)
    arabic_alias = campaign.story.get_translation(campaign.locales["ar"])

    with pytest.raises(ValidationError, match="IOM Goodwill Ambassador already"):
        mark(campaign.mcd, arabic_alias, citation="Again, from the Arabic copy.")

    assert GoodwillAmbassador.objects.count() == 1


def test_the_mark_shows_on_every_copy_of_the_story_with_its_translated_citation(client, campaign):
    english = mark(campaign.mcd, campaign.story)
    translate(english, campaign.locales["fr"], FRENCH)

    english_page = text_of(client, f"/en/{STORY_PATH}")
    french_page = text_of(client, f"/fr/{STORY_PATH}")
    arabic_page = text_of(client, f"/ar/{STORY_PATH}")  # an alias of the English story

    assert "IOM Goodwill Ambassador since" in english_page
    assert CITATION in english_page
    assert "L'atelier de couture devenu coopérative" in french_page  # the translation itself
    assert FRENCH[CITATION] in french_page
    assert CITATION not in french_page
    # Not translated into Arabic yet: the English citation, said to be English.
    assert f'<p class="ambassador-badge__citation" lang="en" dir="ltr">{CITATION}</p>' in (
        arabic_page
    )
    other = HeroStoryPageFactory(parent=campaign.hub, hero_name="Grace Akech")
    assert "ambassador-badge" not in text_of(client, other.url)


def test_the_story_api_gives_the_mark_of_every_copy(client, campaign):
    english = mark(campaign.mcd, campaign.story)
    translate(english, campaign.locales["fr"], FRENCH)
    spanish_alias = campaign.story.get_translation(campaign.locales["es"])

    def goodwill_ambassador(page):
        return client.get(f"/api/v3/pages/{page.pk}/").json()["goodwill_ambassador"]

    assert goodwill_ambassador(campaign.story) == {
        "since": "2026-10-01",
        "citation": CITATION,
        "citation_locale": "en",
    }
    assert goodwill_ambassador(campaign.french_story)["citation"] == FRENCH[CITATION]
    assert goodwill_ambassador(spanish_alias) == goodwill_ambassador(campaign.story)
    other = HeroStoryPageFactory(parent=campaign.hub, hero_name="Grace Akech")
    assert goodwill_ambassador(other) is None


def test_the_ambassadors_page_lists_live_public_ambassadors_in_every_language(client, campaign):
    mark(campaign.mcd, campaign.story)
    draft = HeroStoryPageFactory(parent=campaign.hub, hero_name="Draft Hero", draft=True)
    private = HeroStoryPageFactory(parent=campaign.hub, hero_name="Private Hero")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    mark(campaign.mcd, draft, since=dt.date(2026, 11, 1))
    mark(campaign.mcd, private, since=dt.date(2026, 11, 2))
    sync_trees()

    english = text_of(client, "/en/ambassadors/")
    arabic = text_of(client, "/ar/ambassadors/")
    french = text_of(client, "/fr/ambassadors/")

    assert "1 IOM Goodwill Ambassador" in english
    assert 'href="/en/missions/iom-kenya/amina-yusuf/"' in english
    assert "Amina Yusuf" in english and CITATION in english and "Lives in Kenya" in english
    assert "/media/images/" in english  # the photo's rendition
    assert "Draft Hero" not in english and "Private Hero" not in english
    assert 'href="/ar/missions/iom-kenya/amina-yusuf/"' in arabic  # the alias, in Arabic
    assert 'href="/fr/missions/iom-kenya/amina-yusuf/"' in french  # the translation
    # In the site's navigation, in every language.
    assert 'href="/ar/ambassadors/"' in text_of(client, "/ar/")


def ambassadors_api(client, **params):
    response = client.get("/api/v3/ambassadors/", params)
    assert response.status_code == 200, response.content
    return response.json()


def test_the_api_lists_ambassadors_as_cards_with_their_mark_in_the_readers_language(
    client, campaign
):
    english = mark(campaign.mcd, campaign.story)
    translate(english, campaign.locales["fr"], FRENCH)
    HeroStoryPageFactory(parent=campaign.hub, hero_name="Not An Ambassador")

    listing = ambassadors_api(client)
    french = ambassadors_api(client, locale="fr")
    arabic = ambassadors_api(client, locale="ar")

    assert listing["count"] == 1
    card = listing["items"][0]
    assert (card["id"], card["hero_name"]) == (campaign.story.pk, "Amina Yusuf")
    assert card["photo"]["renditions"]["thumbnail"]["url"].startswith("http")
    assert card["goodwill_ambassador"] == {
        "since": "2026-10-01",
        "citation": CITATION,
        "citation_locale": "en",
    }
    assert french["items"][0]["id"] == campaign.french_story.pk
    assert french["items"][0]["goodwill_ambassador"]["citation"] == FRENCH[CITATION]
    assert arabic["items"][0]["url"].endswith("/ar/missions/iom-kenya/amina-yusuf/")
    assert client.get("/api/v3/ambassadors/", {"locale": "xx"}).status_code == 422


def test_the_ambassadors_api_runs_the_same_queries_for_one_or_many(client, campaign):
    def queries():
        cache.clear()  # the response cache would answer without a query
        with CaptureQueriesContext(connection) as captured:
            ambassadors_api(client)
        return len(captured)

    mark(campaign.mcd, campaign.story)
    queries()  # once for what a process reads once (content types …)
    one = queries()
    for number in range(2):
        story = HeroStoryPageFactory(parent=campaign.hub)
        mark(campaign.mcd, story, since=dt.date(2026, 9, number + 1))

    assert ambassadors_api(client)["count"] == 3
    assert queries() == one


def test_marking_and_removing_refresh_the_cached_pages_and_api(client, campaign):
    story_url = f"/es/{STORY_PATH}"
    assert "ambassador-badge" not in text_of(client, story_url)
    assert client.get(story_url)["X-Cache"] == "HIT"
    assert ambassadors_api(client)["count"] == 0

    english = mark(campaign.mcd, campaign.story)

    assert "ambassador-badge" in text_of(client, story_url)
    assert ambassadors_api(client)["count"] == 1

    client.force_login(campaign.mcd)
    response = client.post(
        reverse("wagtailsnippets_heroes_goodwillambassador:delete", args=[english.pk])
    )
    client.logout()

    assert response.status_code == 302
    assert not GoodwillAmbassador.objects.exists()
    assert "ambassador-badge" not in text_of(client, story_url)
    assert ambassadors_api(client)["count"] == 0
    assert PageLogEntry.objects.filter(
        page=campaign.story, action="heroes.goodwill_ambassador_removed", user=campaign.mcd
    ).exists()


def test_changing_the_date_reaches_every_translation_of_the_mark(campaign):
    english = mark(campaign.mcd, campaign.story)
    french = translate(english, campaign.locales["fr"], FRENCH)

    french.since = dt.date(2026, 12, 18)  # MCD edits the French copy's date
    ambassadors.save_goodwill_ambassador(user=campaign.mcd, ambassador=french)

    assert set(GoodwillAmbassador.objects.values_list("since", flat=True)) == {
        dt.date(2026, 12, 18)
    }
    assert PageLogEntry.objects.filter(
        page=campaign.story, action="heroes.goodwill_ambassador_changed"
    ).exists()
    # Each language keeps its own citation.
    assert set(GoodwillAmbassador.objects.values_list("citation", flat=True)) == {
        CITATION,
        FRENCH[CITATION],
    }
