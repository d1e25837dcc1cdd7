"""The factories make valid, realistic content (the benchmark corpus is built from them)."""

import pytest
from wagtail.models import Page

from cms.core.models import PhotoConsent
from tests.factories import (
    CalendarPageFactory,
    CampaignMaterialFactory,
    EventPageFactory,
    HeroCategoryFactory,
    HeroIndexPageFactory,
    HeroStoryPageFactory,
    HomePageFactory,
    MissionHubPageFactory,
    MissionIndexPageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_every_page_factory_makes_a_valid_live_page_in_its_place(home_page, mission_hub):
    pages = [
        HeroIndexPageFactory(parent=home_page),
        CalendarPageFactory(parent=home_page),
        MissionHubPageFactory(parent=mission_hub.get_parent()),
        MissionHubPageFactory(parent=mission_hub.get_parent(), headquarters=True),
        HeroStoryPageFactory(parent=mission_hub, nominated=True, tags=["music"]),
        EventPageFactory(parent=mission_hub),
    ]

    for page in pages:
        page.full_clean()
        assert page.live and page.first_published_at, page
        assert type(page).can_exist_under(page.get_parent()), page


def test_a_page_factory_refuses_to_make_a_second_tree_root(db):
    with pytest.raises(TypeError, match="needs parent="):
        MissionIndexPageFactory()

    assert Page.objects.filter(depth=1).count() == 1


def test_the_home_page_factory_adds_a_home_under_the_tree_root(root_page):
    home = HomePageFactory()

    assert home.get_parent().pk == root_page.pk


def test_a_draft_is_neither_live_nor_published(mission_hub):
    draft = HeroStoryPageFactory(parent=mission_hub, draft=True)

    assert not draft.live
    assert draft.has_unpublished_changes
    assert draft.first_published_at is None


def test_a_story_tells_of_a_hero_living_where_its_mission_is(mission_hub):
    story = HeroStoryPageFactory(parent=mission_hub)

    assert story.country_of_residence == "KE"
    assert story.hero_name.split()[0] in story.title
    assert story.photo.consent == PhotoConsent.WRITTEN
    assert story.hero_name in story.photo.description


def test_stories_with_the_same_heros_name_get_different_slugs(mission_hub):
    first = HeroStoryPageFactory(parent=mission_hub, hero_name="Amina Yusuf")
    second = HeroStoryPageFactory(parent=mission_hub, hero_name="Amina Yusuf")

    assert first.slug == "amina-yusuf"
    assert second.slug != first.slug


def test_snippets_and_users_are_valid(db):
    for instance in (HeroCategoryFactory(), CampaignMaterialFactory(), UserFactory()):
        instance.full_clean()
