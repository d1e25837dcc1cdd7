import datetime as dt

import pytest
from wagtail.models import PageViewRestriction

from heroes import selectors
from heroes.models import MissionFeaturedStory, RelatedStory
from tests.factories import (
    EventPageFactory,
    HeroStoryPageFactory,
    MissionHubPageFactory,
    MissionIndexPageFactory,
)

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 15, 12, 0, tzinfo=dt.UTC)


def days_ago(days):
    return NOW - dt.timedelta(days=days)


@pytest.fixture
def mexico_hub(mission_index):
    return MissionHubPageFactory(parent=mission_index, country="MX", office_name="IOM Mexico")


def make_private(page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="endorsement"
    )


# live_stories ---------------------------------------------------------------------------


def test_live_stories_leave_out_drafts(mission_hub):
    published = HeroStoryPageFactory(parent=mission_hub)
    HeroStoryPageFactory(parent=mission_hub, draft=True)

    assert list(selectors.live_stories()) == [published]


def test_live_stories_leave_out_unpublished_stories(mission_hub):
    published = HeroStoryPageFactory(parent=mission_hub)
    withdrawn = HeroStoryPageFactory(parent=mission_hub)

    withdrawn.unpublish()

    assert list(selectors.live_stories()) == [published]


def test_live_stories_leave_out_private_stories(mission_hub):
    public = HeroStoryPageFactory(parent=mission_hub)
    make_private(HeroStoryPageFactory(parent=mission_hub))

    assert list(selectors.live_stories()) == [public]


def test_live_stories_leave_out_the_stories_of_a_private_hub(mission_hub, mexico_hub):
    public = HeroStoryPageFactory(parent=mission_hub)
    HeroStoryPageFactory(parent=mexico_hub)

    make_private(mexico_hub)

    assert list(selectors.live_stories()) == [public]


def test_live_stories_come_newest_first(mission_hub):
    older = HeroStoryPageFactory(parent=mission_hub, first_published_at=days_ago(10))
    newer = HeroStoryPageFactory(parent=mission_hub, first_published_at=days_ago(1))
    oldest = HeroStoryPageFactory(parent=mission_hub, first_published_at=days_ago(30))

    assert list(selectors.live_stories()) == [newer, older, oldest]


def test_live_stories_of_a_country_are_those_of_heroes_who_come_from_or_live_there(
    mission_hub, mexico_hub
):
    lives_in_kenya = HeroStoryPageFactory(
        parent=mission_hub, country_of_origin="SO", country_of_residence="KE"
    )
    comes_from_kenya = HeroStoryPageFactory(
        parent=mexico_hub, country_of_origin="KE", country_of_residence="MX"
    )
    HeroStoryPageFactory(parent=mexico_hub, country_of_origin="VE", country_of_residence="MX")

    assert set(selectors.live_stories(country="KE")) == {lives_in_kenya, comes_from_kenya}


def test_live_stories_list_a_hero_once_when_born_and_living_in_the_same_country(mission_hub):
    story = HeroStoryPageFactory(
        parent=mission_hub, country_of_origin="KE", country_of_residence="KE"
    )

    assert list(selectors.live_stories(country="KE")) == [story]


def test_live_stories_with_a_tag_are_those_the_editor_tagged_and_published(mission_hub):
    musician = HeroStoryPageFactory(parent=mission_hub)
    HeroStoryPageFactory(parent=mission_hub, tags=["sports"])

    musician.tags.add("music", "community")
    musician.save_revision().publish()

    assert list(selectors.live_stories(tag="music")) == [musician]
    assert list(selectors.live_stories(tag="community")) == [musician]


def test_live_stories_of_a_mission_are_those_in_its_hub(mission_hub, mexico_hub):
    kenyan = HeroStoryPageFactory(parent=mission_hub)
    HeroStoryPageFactory(parent=mexico_hub)

    assert list(selectors.live_stories(mission=mission_hub)) == [kenyan]


def test_live_stories_of_a_language_are_those_of_its_tree(mission_hub, french_home_page):
    english = HeroStoryPageFactory(parent=mission_hub)
    french_hub = MissionHubPageFactory(
        parent=MissionIndexPageFactory(parent=french_home_page), country="KE"
    )
    french = HeroStoryPageFactory(parent=french_hub)

    assert list(selectors.live_stories(locale=mission_hub.locale)) == [english]
    assert list(selectors.live_stories(locale=french_hub.locale)) == [french]


# related_stories ------------------------------------------------------------------------


def test_related_stories_are_the_editors_choice_in_their_order(mission_hub, mexico_hub):
    story = HeroStoryPageFactory(parent=mission_hub)
    first, second = HeroStoryPageFactory(parent=mexico_hub), HeroStoryPageFactory(parent=mexico_hub)
    RelatedStory.objects.create(page=story, story=second, sort_order=0)
    RelatedStory.objects.create(page=story, story=first, sort_order=1)

    assert selectors.related_stories(story) == [second, first]


def test_related_stories_fall_back_to_the_latest_stories_of_the_same_mission(
    mission_hub, mexico_hub
):
    story = HeroStoryPageFactory(parent=mission_hub, first_published_at=days_ago(1))
    same_mission = [
        HeroStoryPageFactory(parent=mission_hub, first_published_at=days_ago(days))
        for days in (2, 3, 4, 5)
    ]
    HeroStoryPageFactory(parent=mission_hub, draft=True)
    HeroStoryPageFactory(parent=mexico_hub)

    assert selectors.related_stories(story) == same_mission[:3]


def test_related_stories_fall_back_to_the_mission_when_every_chosen_story_is_a_draft(
    mission_hub, mexico_hub
):
    story = HeroStoryPageFactory(parent=mission_hub)
    neighbour = HeroStoryPageFactory(parent=mission_hub)
    draft = HeroStoryPageFactory(parent=mexico_hub, draft=True)
    RelatedStory.objects.create(page=story, story=draft, sort_order=0)

    assert selectors.related_stories(story) == [neighbour]


def test_a_story_alone_in_its_mission_has_no_related_stories(mission_hub):
    story = HeroStoryPageFactory(parent=mission_hub)

    assert selectors.related_stories(story) == []


# live_stories_in_order, featured_stories_of ---------------------------------------------


def test_live_stories_in_order_keep_the_order_given_and_drop_drafts_and_private_stories(
    mission_hub,
):
    a, b, c = (HeroStoryPageFactory(parent=mission_hub) for _ in range(3))
    draft = HeroStoryPageFactory(parent=mission_hub, draft=True)
    private = HeroStoryPageFactory(parent=mission_hub)
    make_private(private)

    ids = [c.pk, draft.pk, a.pk, private.pk, b.pk]

    assert selectors.live_stories_in_order(ids) == [c, a, b]


def test_live_stories_in_order_ignore_ids_of_deleted_stories(mission_hub):
    story = HeroStoryPageFactory(parent=mission_hub)

    assert selectors.live_stories_in_order([987654, story.pk]) == [story]


def test_a_hubs_featured_stories_are_its_live_choices_in_order(mission_hub):
    first, second = (
        HeroStoryPageFactory(parent=mission_hub),
        HeroStoryPageFactory(parent=mission_hub),
    )
    draft = HeroStoryPageFactory(parent=mission_hub, draft=True)
    for position, story in enumerate([second, draft, first]):
        MissionFeaturedStory.objects.create(hub=mission_hub, story=story, sort_order=position)

    assert selectors.featured_stories_of(mission_hub) == [second, first]


# live_missions --------------------------------------------------------------------------


def test_live_missions_put_headquarters_first_then_the_offices_by_name(mission_index):
    mexico = MissionHubPageFactory(parent=mission_index, country="MX", office_name="IOM Mexico")
    kenya = MissionHubPageFactory(parent=mission_index, country="KE", office_name="IOM Kenya")
    hq = MissionHubPageFactory(parent=mission_index, headquarters=True)
    MissionHubPageFactory(parent=mission_index, country="TN", draft=True)

    assert list(selectors.live_missions(locale=mission_index.locale)) == [hq, kenya, mexico]


# upcoming_events ------------------------------------------------------------------------


def test_upcoming_events_leave_out_finished_events_and_come_soonest_first(mission_hub):
    EventPageFactory(parent=mission_hub, start=days_ago(3), end=days_ago(2))
    ongoing = EventPageFactory(
        parent=mission_hub, start=days_ago(1), end=NOW + dt.timedelta(days=1)
    )
    later = EventPageFactory(parent=mission_hub, start=NOW + dt.timedelta(days=20))
    sooner = EventPageFactory(parent=mission_hub, start=NOW + dt.timedelta(days=2))

    assert list(selectors.upcoming_events(now=NOW)) == [ongoing, sooner, later]


def test_upcoming_events_leave_out_drafts_and_private_events(mission_hub):
    soon = NOW + dt.timedelta(days=2)
    public = EventPageFactory(parent=mission_hub, start=soon)
    EventPageFactory(parent=mission_hub, start=soon, draft=True)
    make_private(EventPageFactory(parent=mission_hub, start=soon))

    assert list(selectors.upcoming_events(now=NOW)) == [public]


def test_upcoming_events_of_a_mission_and_of_a_story(mission_hub, mexico_hub):
    soon = NOW + dt.timedelta(days=2)
    story = HeroStoryPageFactory(parent=mission_hub)
    featuring_the_hero = EventPageFactory(parent=mission_hub, start=soon, hero_story=story)
    in_kenya = EventPageFactory(parent=mission_hub, start=soon)
    EventPageFactory(parent=mexico_hub, start=soon)

    assert list(selectors.upcoming_events(mission=mission_hub, now=NOW)) == [
        featuring_the_hero,
        in_kenya,
    ]
    assert list(selectors.upcoming_events(story=story, now=NOW)) == [featuring_the_hero]
