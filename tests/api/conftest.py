"""A small live campaign for the API tests: two languages, a Kenyan mission, stories, events.

Built with tests/factories.py; private data (a nominator who did not agree to be credited,
a photo's consent notes) is planted on purpose so tests can prove it never leaks.
"""

import datetime as dt

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import (
    CalendarPageFactory,
    DocumentFactory,
    EmbedFactory,
    EventPageFactory,
    HeroIndexPageFactory,
    HeroStoryPageFactory,
    ImageFactory,
    LocaleFactory,
    MissionHubPageFactory,
    story_body,
)

PRIVATE_NOTES = "Consent given by phone to Jane, +254 700 000 000"
PRIVATE_NOMINATOR = "Secret Nominator Wanjiru"


@pytest.fixture
def french(db):
    return LocaleFactory(language_code="fr")


@pytest.fixture
def story_index(home_page):
    return HeroIndexPageFactory(parent=home_page)


@pytest.fixture
def calendar_page(home_page):
    return CalendarPageFactory(parent=home_page)


@pytest.fixture
def story(mission_hub, story_index):
    """A live Kenyan story whose photo carries private consent notes, and whose body has a
    block of every type."""
    photo = ImageFactory(
        title="Amina",
        description="Amina teaching a sewing class",
        credit="© IOM 2026 / Jane Doe",
        consent_notes=PRIVATE_NOTES,
    )
    body = story_body(
        image=ImageFactory(
            title="Workshop",
            description="Sewing machines in a row",
            credit="© IOM 2026 / Jane Doe",
            consent_notes=PRIVATE_NOTES,
        ),
        link_page=mission_hub,
        document=DocumentFactory(title="Amina's story (PDF)"),
        embed=EmbedFactory(url="https://www.youtube.com/watch?v=migrantheroes"),
    )
    return HeroStoryPageFactory(
        parent=mission_hub,
        hero_name="Amina Yusuf",
        title="Amina Yusuf",
        headline="Amina teaches sewing in Nairobi",
        intro="Amina fled Mogadishu in 2012; today forty women learn to sew in her workshop.",
        photo=photo,
        country_of_origin="SO",
        country_of_residence="KE",
        nominator_name=PRIVATE_NOMINATOR,
        nominator_agreed_to_credit=False,
        tags=["sewing"],
        body=body,
    )


@pytest.fixture
def french_story(story, french_home_page):
    """The French translation of `story`, under translated parents, live."""
    french_story = story.copy_for_translation(french_home_page.locale, copy_parents=True)
    french_story.title = "Amina Yusuf (fr)"
    french_story.headline = "Amina enseigne la couture à Nairobi"
    french_story.save_revision().publish()
    for ancestor in french_story.get_ancestors().filter(depth__gt=2).specific():
        if not ancestor.live:
            ancestor.save_revision().publish()
    french_story.refresh_from_db()
    return french_story


@pytest.fixture
def draft_story(mission_hub):
    return HeroStoryPageFactory(parent=mission_hub, draft=True, hero_name="Draft Hero")


@pytest.fixture
def private_story(mission_hub):
    story = HeroStoryPageFactory(parent=mission_hub, hero_name="Private Hero")
    PageViewRestriction.objects.create(
        page=story, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    return story


@pytest.fixture
def event(mission_hub, story):
    return EventPageFactory(
        parent=mission_hub,
        title="Amina's sewing exhibition",
        kind="hero_feature",
        start=dt.datetime(2026, 11, 5, 9, 0, tzinfo=dt.UTC),
        end=dt.datetime(2026, 11, 5, 17, 0, tzinfo=dt.UTC),
        time_zone="Africa/Nairobi",
        location="Nairobi",
        intro="Amina shows the dresses her students made this year.",
        country="KE",
        hero_story=story,
    )


@pytest.fixture
def other_mission(mission_index):
    return MissionHubPageFactory(parent=mission_index, country="UG", office_name="IOM Uganda")
