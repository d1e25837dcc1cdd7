import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from heroes.models import (
    CalendarPage,
    EventPage,
    HeroIndexPage,
    HeroStoryPage,
    MissionHubPage,
    MissionIndexPage,
)
from tests.factories import (
    CalendarPageFactory,
    EventPageFactory,
    HeroIndexPageFactory,
    HeroStoryPageFactory,
    ImageFactory,
    MissionHubPageFactory,
    MissionIndexPageFactory,
)

pytestmark = pytest.mark.django_db


# The page tree --------------------------------------------------------------------------


def test_a_story_can_only_be_created_in_a_mission_hub(home_page, mission_index, mission_hub):
    story_index = HeroIndexPageFactory(parent=home_page)
    calendar = CalendarPageFactory(parent=home_page)

    assert HeroStoryPage.can_create_at(mission_hub)
    for outside_a_hub in (home_page, story_index, mission_index, calendar):
        assert not HeroStoryPage.can_create_at(outside_a_hub), outside_a_hub


def test_an_event_can_only_be_created_in_a_mission_hub(home_page, mission_index, mission_hub):
    calendar = CalendarPageFactory(parent=home_page)
    story = HeroStoryPageFactory(parent=mission_hub)

    assert EventPage.can_create_at(mission_hub)
    for outside_a_hub in (home_page, mission_index, calendar, story):
        assert not EventPage.can_create_at(outside_a_hub), outside_a_hub


def test_a_mission_hub_can_only_be_created_in_the_mission_index(home_page, mission_index):
    assert MissionHubPage.can_create_at(mission_index)
    assert not MissionHubPage.can_create_at(home_page)
    assert not MissionHubPage.can_create_at(HeroIndexPageFactory(parent=home_page))


def test_a_home_page_has_at_most_one_story_index(home_page):
    assert HeroIndexPage.can_create_at(home_page)

    HeroIndexPageFactory(parent=home_page)

    assert not HeroIndexPage.can_create_at(home_page)


def test_a_home_page_has_at_most_one_mission_index_and_one_calendar(home_page):
    MissionIndexPageFactory(parent=home_page)
    CalendarPageFactory(parent=home_page)

    assert not MissionIndexPage.can_create_at(home_page)
    assert not CalendarPage.can_create_at(home_page)


def test_each_language_has_its_own_story_index(home_page, french_home_page):
    HeroIndexPageFactory(parent=home_page)

    assert HeroIndexPage.can_create_at(french_home_page)


def test_stories_and_events_have_no_subpages():
    assert HeroStoryPage.allowed_subpage_models() == []
    assert EventPage.allowed_subpage_models() == []


# Mission hubs ---------------------------------------------------------------------------


def test_the_headquarters_hub_is_not_tied_to_a_country(mission_index):
    with pytest.raises(ValidationError) as refused:
        MissionHubPageFactory(parent=mission_index, headquarters=True, country="KE")

    assert "country" in refused.value.message_dict


def test_the_headquarters_hub_has_no_country(mission_index):
    hq = MissionHubPageFactory(parent=mission_index, headquarters=True)

    assert hq.is_headquarters
    assert not hq.country


def test_a_country_office_hub_needs_its_country(mission_index):
    with pytest.raises(ValidationError) as refused:
        MissionHubPageFactory(parent=mission_index, country="")

    assert "country" in refused.value.message_dict


def test_a_country_has_one_mission_hub_per_language(mission_hub):
    with pytest.raises(ValidationError) as refused:
        MissionHubPageFactory(parent=mission_hub.get_parent(), country=mission_hub.country)

    assert refused.value.message_dict["country"] == ["This country already has a mission hub."]


def test_the_same_country_may_have_a_hub_in_another_language(mission_hub, french_home_page):
    french_missions = MissionIndexPageFactory(parent=french_home_page, title="Missions")

    french_hub = MissionHubPageFactory(parent=french_missions, country=mission_hub.country)

    assert french_hub.locale.language_code == "fr"


def test_a_mission_hub_can_be_saved_again_without_clashing_with_itself(mission_hub):
    mission_hub.office_name = "IOM Kenya (Nairobi)"

    mission_hub.save()

    mission_hub.refresh_from_db()
    assert mission_hub.office_name == "IOM Kenya (Nairobi)"


def test_a_mission_hub_is_shared_with_its_own_image_else_none(mission_hub):
    assert mission_hub.get_social_image() is None

    mission_hub.social_image = image = ImageFactory()

    assert mission_hub.get_social_image() == image


def test_a_mission_hub_is_shared_with_its_search_description_unless_given_a_share_text(
    mission_hub,
):
    mission_hub.search_description = "The stories of IOM Kenya's migrant heroes."
    assert mission_hub.get_social_text() == "The stories of IOM Kenya's migrant heroes."

    mission_hub.social_text = "Meet Kenya's #MigrantHeroes"
    assert mission_hub.get_social_text() == "Meet Kenya's #MigrantHeroes"


# Stories --------------------------------------------------------------------------------


def test_a_story_belongs_to_the_mission_of_its_hub(mission_hub):
    story = HeroStoryPageFactory(parent=mission_hub)

    assert story.mission == mission_hub
    assert isinstance(story.mission, MissionHubPage)


def test_a_story_has_no_mission_while_its_hub_is_unpublished(mission_hub):
    story = HeroStoryPageFactory(parent=mission_hub)

    mission_hub.unpublish()

    assert HeroStoryPage.objects.get(pk=story.pk).mission is None


def test_a_nominator_is_credited_only_when_they_agreed(mission_hub):
    agreed = HeroStoryPageFactory(
        parent=mission_hub, nominator_name="Fatima Ali", nominator_agreed_to_credit=True
    )
    not_agreed = HeroStoryPageFactory(
        parent=mission_hub, nominator_name="Jonas Berg", nominator_agreed_to_credit=False
    )

    assert agreed.nominator_credit == "Fatima Ali"
    assert not_agreed.nominator_credit == ""


def test_a_story_without_a_nominator_credits_no_one(mission_hub):
    story = HeroStoryPageFactory(parent=mission_hub, nominator_agreed_to_credit=True)

    assert story.nominator_credit == ""


def test_a_story_is_shared_with_the_heros_photo_unless_given_a_share_image(mission_hub):
    story = HeroStoryPageFactory(parent=mission_hub)
    assert story.get_social_image() == story.photo

    story.social_image = share_image = ImageFactory()
    assert story.get_social_image() == share_image


def test_a_story_is_shared_with_its_intro_unless_given_a_share_text(mission_hub):
    story = HeroStoryPageFactory(parent=mission_hub, intro="Amina teaches sewing in Nairobi.")
    assert story.get_social_text() == "Amina teaches sewing in Nairobi."

    story.social_text = "Meet Amina, a #MigrantHeroes teacher"
    assert story.get_social_text() == "Meet Amina, a #MigrantHeroes teacher"


# Events ---------------------------------------------------------------------------------


def test_an_event_cannot_end_before_it_starts(mission_hub):
    start = dt.datetime(2026, 11, 20, 18, 0, tzinfo=dt.UTC)

    with pytest.raises(ValidationError) as refused:
        EventPageFactory(parent=mission_hub, start=start, end=start - dt.timedelta(minutes=1))

    assert refused.value.message_dict["end"] == ["The event cannot end before it starts."]


def test_an_event_may_end_the_moment_it_starts(mission_hub):
    start = dt.datetime(2026, 11, 20, 18, 0, tzinfo=dt.UTC)

    event = EventPageFactory(parent=mission_hub, start=start, end=start)

    assert event.end == event.start


def test_an_event_needs_a_known_time_zone(mission_hub):
    with pytest.raises(ValidationError) as refused:
        EventPageFactory(parent=mission_hub, time_zone="Africa/Atlantis")

    assert "time_zone" in refused.value.message_dict


def test_an_event_is_dated_where_it_takes_place(mission_hub):
    # 22:00 UTC on 30 November is 01:00 on 1 December in Nairobi.
    event = EventPageFactory(
        parent=mission_hub,
        start=dt.datetime(2026, 11, 30, 22, 0, tzinfo=dt.UTC),
        end=dt.datetime(2026, 11, 30, 23, 0, tzinfo=dt.UTC),
        time_zone="Africa/Nairobi",
    )

    assert event.local_start.hour == 1
    assert event.local_dates == (dt.date(2026, 12, 1), dt.date(2026, 12, 1))


def test_an_event_is_shared_with_its_heros_photo_unless_given_a_share_image(mission_hub):
    story = HeroStoryPageFactory(parent=mission_hub)
    event = EventPageFactory(parent=mission_hub, hero_story=story)
    assert event.get_social_image() == story.photo

    event.social_image = share_image = ImageFactory()
    assert event.get_social_image() == share_image


def test_an_event_without_a_hero_or_share_image_has_no_share_image(mission_hub):
    event = EventPageFactory(parent=mission_hub)

    assert event.get_social_image() is None


def test_an_event_is_shared_with_its_summary_unless_given_a_share_text(mission_hub):
    event = EventPageFactory(parent=mission_hub, intro="A concert of the diaspora choirs.")
    assert event.get_social_text() == "A concert of the diaspora choirs."

    event.social_text = "Sing with us! #MigrantHeroes"
    assert event.get_social_text() == "Sing with us! #MigrantHeroes"


def test_a_story_cannot_use_a_photo_whose_consent_is_not_recorded(mission_hub):
    from cms.core.models import PhotoConsent

    story = HeroStoryPageFactory(parent=mission_hub)
    story.photo = ImageFactory(consent=PhotoConsent.PENDING)

    with pytest.raises(ValidationError) as error:
        story.full_clean()

    assert "consent" in str(error.value.message_dict["photo"])
    story.photo.consent = PhotoConsent.VERBAL
    story.photo.save()
    story.full_clean()
