import datetime as dt

import pytest
from django.test import RequestFactory
from django.utils import timezone

from heroes.models import (
    AmbassadorsPage,
    CalendarPage,
    HeroIndexPage,
    MissionIndexPage,
    NominatePage,
    VotePage,
)
from home.models import HomeFeaturedStory, HomePage
from tests.factories import (
    CalendarPageFactory,
    CampaignMaterialFactory,
    EventPageFactory,
    HeroIndexPageFactory,
    HeroStoryPageFactory,
    ImageFactory,
)

pytestmark = pytest.mark.django_db


def context_of(page):
    return page.get_context(RequestFactory().get(page.url or "/"))


def test_a_home_page_holds_the_indexes_the_calendar_and_the_nomination_form():
    assert set(HomePage.allowed_subpage_models()) == {
        HeroIndexPage,
        MissionIndexPage,
        CalendarPage,
        NominatePage,
        VotePage,
        AmbassadorsPage,
    }


def test_a_home_page_sits_at_the_root_of_the_tree(root_page, home_page):
    assert home_page.get_parent().pk == root_page.pk
    assert not HomePage.can_create_at(home_page)


def test_the_home_page_is_the_root_of_the_default_site(home_page, site_root):
    assert site_root == home_page
    assert home_page.url == "/en/"


def test_a_home_page_is_shared_with_its_banner_unless_given_a_share_image(home_page):
    assert home_page.get_social_image() is None

    home_page.banner_image = banner = ImageFactory()
    assert home_page.get_social_image() == banner

    home_page.social_image = share_image = ImageFactory()
    assert home_page.get_social_image() == share_image


def test_the_home_page_features_the_editors_live_choices_in_order(home_page, mission_hub):
    first, second = (
        HeroStoryPageFactory(parent=mission_hub),
        HeroStoryPageFactory(parent=mission_hub),
    )
    draft = HeroStoryPageFactory(parent=mission_hub, draft=True)
    for position, story in enumerate([second, draft, first]):
        HomeFeaturedStory.objects.create(home=home_page, story=story, sort_order=position)

    assert context_of(home_page)["featured_stories"] == [second, first]


def test_the_home_page_lists_the_six_latest_stories_not_already_featured(home_page, mission_hub):
    now = timezone.now()
    stories = [
        HeroStoryPageFactory(parent=mission_hub, first_published_at=now - dt.timedelta(days=days))
        for days in range(8)
    ]
    HomeFeaturedStory.objects.create(home=home_page, story=stories[0], sort_order=0)

    assert list(context_of(home_page)["latest_stories"]) == stories[1:7]


def test_the_home_page_lists_the_next_four_events(home_page, mission_hub):
    now = timezone.now()
    EventPageFactory(
        parent=mission_hub, start=now - dt.timedelta(days=2), end=now - dt.timedelta(days=1)
    )
    upcoming = [
        EventPageFactory(parent=mission_hub, start=now + dt.timedelta(days=days))
        for days in range(1, 6)
    ]

    assert list(context_of(home_page)["upcoming_events"]) == upcoming[:4]


def test_the_home_page_offers_the_live_campaign_material_of_its_language(
    home_page, french_home_page
):
    info_sheet = CampaignMaterialFactory(locale=home_page.locale, sort_order=1)
    poster = CampaignMaterialFactory(
        locale=home_page.locale, title="Poster", kind="poster", sort_order=0
    )
    CampaignMaterialFactory(locale=home_page.locale, live=False)
    CampaignMaterialFactory(locale=french_home_page.locale, title="Fiche d'information")

    assert list(context_of(home_page)["materials"]) == [poster, info_sheet]


def test_the_home_page_links_to_its_live_story_index_and_calendar(home_page):
    context = context_of(home_page)
    assert context["story_index"] is None
    assert context["calendar"] is None

    story_index = HeroIndexPageFactory(parent=home_page)
    calendar = CalendarPageFactory(parent=home_page)
    context = context_of(home_page)

    assert context["story_index"].pk == story_index.pk
    assert context["calendar"].pk == calendar.pk
