import io

import pytest
from django.utils import translation
from PIL import Image

from heroes.calendar import Month
from heroes.forms import CalendarFilterForm, NominationForm, StoryFilterForm
from heroes.models import EventKind
from tests.factories import (
    EventPageFactory,
    HeroStoryPageFactory,
    MissionHubPageFactory,
    MissionIndexPageFactory,
)
from tests.nominations.test_nominations import GPS_TAG, form_data, photo_with_gps


def choice_values(field):
    return [value for value, _label in field.choices]


# CalendarFilterForm ---------------------------------------------------------------------


@pytest.fixture
def kenyan_event(mission_hub):
    return EventPageFactory(parent=mission_hub, country="KE")


@pytest.mark.django_db
def test_the_calendar_filter_reads_a_month_a_view_a_country_and_a_kind(kenyan_event):
    form = CalendarFilterForm(
        {"month": "2026-11", "view": "list", "country": "KE", "kind": EventKind.CONCERT},
        locale=kenyan_event.locale,
    )

    assert form.is_valid(), form.errors
    assert form.cleaned_data == {
        "month": Month(2026, 11),
        "view": "list",
        "country": "KE",
        "kind": EventKind.CONCERT,
    }


@pytest.mark.django_db
def test_the_calendar_filter_needs_nothing(home_page):
    form = CalendarFilterForm({}, locale=home_page.locale)

    assert form.is_valid(), form.errors
    assert form.cleaned_data["month"] is None


@pytest.mark.django_db
@pytest.mark.parametrize("month", ["2026-13", "26-11", "November", "2026-1"])
def test_the_calendar_filter_explains_how_to_write_a_month(home_page, month):
    form = CalendarFilterForm({"month": month}, locale=home_page.locale)

    assert not form.is_valid()
    assert form.errors["month"] == ["Enter a month as YYYY-MM, e.g. 2026-11."]


@pytest.mark.django_db
def test_the_calendar_filter_refuses_an_unknown_view_country_or_kind(kenyan_event):
    form = CalendarFilterForm(
        {"view": "year", "country": "ZZ", "kind": "picnic"}, locale=kenyan_event.locale
    )

    assert not form.is_valid()
    assert set(form.errors) == {"view", "country", "kind"}


@pytest.mark.django_db
def test_the_calendar_filter_drops_only_the_filter_that_is_wrong(kenyan_event):
    form = CalendarFilterForm(
        {"month": "2026-13", "country": "KE", "kind": EventKind.CONCERT},
        locale=kenyan_event.locale,
    )

    assert form.valid_data == {"view": "", "country": "KE", "kind": EventKind.CONCERT}
    assert "month" in form.errors


@pytest.mark.django_db
def test_the_calendar_filter_offers_only_the_countries_of_the_languages_live_events(
    mission_hub, mission_index, french_home_page
):
    mexico = MissionHubPageFactory(parent=mission_index, country="MX")
    EventPageFactory(parent=mission_hub, country="KE")
    EventPageFactory(parent=mission_hub, country="")
    EventPageFactory(parent=mexico, country="MX", draft=True)
    french_hub = MissionHubPageFactory(
        parent=MissionIndexPageFactory(parent=french_home_page), country="FR"
    )
    EventPageFactory(parent=french_hub, country="FR")

    form = CalendarFilterForm(locale=mission_hub.locale)

    assert choice_values(form.fields["country"]) == ["", "KE"]


# StoryFilterForm ------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_story_filter_offers_only_the_countries_of_the_languages_live_stories(
    mission_hub, french_home_page
):
    HeroStoryPageFactory(parent=mission_hub, country_of_origin="SY", country_of_residence="KE")
    HeroStoryPageFactory(
        parent=mission_hub, country_of_origin="VE", country_of_residence="KE", draft=True
    )
    french_hub = MissionHubPageFactory(
        parent=MissionIndexPageFactory(parent=french_home_page), country="FR"
    )
    HeroStoryPageFactory(parent=french_hub, country_of_origin="UA", country_of_residence="FR")

    form = StoryFilterForm(locale=mission_hub.locale)

    # "All countries" first, then by name: Kenya, Syria.
    assert choice_values(form.fields["country"]) == ["", "KE", "SY"]


@pytest.mark.django_db
def test_the_story_filter_offers_only_the_tags_of_the_languages_live_stories(
    mission_hub, french_home_page
):
    HeroStoryPageFactory(parent=mission_hub, tags=["music", "community"])
    HeroStoryPageFactory(parent=mission_hub, tags=["music"])
    HeroStoryPageFactory(parent=mission_hub, tags=["embargoed"], draft=True)
    french_hub = MissionHubPageFactory(
        parent=MissionIndexPageFactory(parent=french_home_page), country="FR"
    )
    HeroStoryPageFactory(parent=french_hub, tags=["musique"])

    form = StoryFilterForm(locale=mission_hub.locale)

    assert choice_values(form.fields["tag"]) == ["", "community", "music"]


@pytest.mark.django_db
def test_the_story_filter_offers_the_languages_live_missions(mission_hub, mission_index):
    MissionHubPageFactory(parent=mission_index, country="MX", draft=True)

    form = StoryFilterForm(locale=mission_hub.locale)

    assert list(form.fields["mission"].queryset) == [mission_hub]


@pytest.mark.django_db
def test_the_story_filter_reads_a_country_a_mission_and_a_tag(mission_hub):
    HeroStoryPageFactory(parent=mission_hub, country_of_residence="KE", tags=["music"])

    form = StoryFilterForm(
        {"country": "KE", "mission": mission_hub.pk, "tag": "music"}, locale=mission_hub.locale
    )

    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"country": "KE", "mission": mission_hub, "tag": "music"}


@pytest.mark.django_db
def test_the_story_filter_refuses_a_country_without_stories(mission_hub):
    HeroStoryPageFactory(parent=mission_hub, country_of_origin="SY", country_of_residence="KE")

    form = StoryFilterForm({"country": "MX"}, locale=mission_hub.locale)

    assert not form.is_valid()
    assert "country" in form.errors


@pytest.mark.django_db
def test_the_story_filter_drops_only_the_filter_that_is_wrong(mission_hub):
    HeroStoryPageFactory(parent=mission_hub, country_of_residence="KE", tags=["music"])

    form = StoryFilterForm({"country": "KE", "tag": "no-such-topic"}, locale=mission_hub.locale)

    assert form.valid_data == {"country": "KE", "mission": None}


@pytest.mark.django_db
def test_the_story_filter_names_countries_in_the_readers_language(mission_hub):
    HeroStoryPageFactory(parent=mission_hub, country_of_origin="DE", country_of_residence="KE")

    with translation.override("fr"):
        form = StoryFilterForm(locale=mission_hub.locale)
        labels = [str(label) for _value, label in form.fields["country"].choices]

    assert labels[1:] == ["Allemagne", "Kenya"]


# NominationForm -------------------------------------------------------------------------


def test_the_nomination_form_holds_the_photo_re_encoded_the_one_time_it_is_read():
    form = NominationForm(form_data(), {"photo": photo_with_gps()})

    assert form.is_valid(), form.errors
    photo = form.cleaned_data["photo"]
    with Image.open(io.BytesIO(photo.read())) as cleaned:
        assert cleaned.format == "JPEG"
        assert GPS_TAG not in cleaned.getexif()
