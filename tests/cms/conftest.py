"""A small campaign with one live page of every public type, as the demo has them."""

from types import SimpleNamespace

import pytest

from tests.factories import (
    CalendarPageFactory,
    EventPageFactory,
    HeroIndexPageFactory,
    HeroStoryPageFactory,
    ImageFactory,
    MissionHubPageFactory,
    MissionIndexPageFactory,
    NominatePageFactory,
    VotePageFactory,
)


@pytest.fixture
def every_page_type(home_page):
    """The home page (with its campaign banner) and a page of each type under it.

    Headquarters' hub and the event have no picture of their own, the index pages no share
    text: what a page shows when shared without filling in its sharing fields.
    """
    home_page.banner_image = ImageFactory(title="Campaign banner")
    home_page.save_revision().publish()
    missions = MissionIndexPageFactory(parent=home_page, slug="missions")
    hub = MissionHubPageFactory(parent=missions, country="KE")
    headquarters = MissionHubPageFactory(parent=missions, headquarters=True, slug="headquarters")
    story = HeroStoryPageFactory(parent=hub)
    return SimpleNamespace(
        home=home_page,
        stories=HeroIndexPageFactory(parent=home_page, slug="stories"),
        missions=missions,
        hub=hub,
        headquarters=headquarters,
        story=story,
        event=EventPageFactory(parent=headquarters),
        calendar=CalendarPageFactory(parent=home_page, slug="calendar"),
        nominate=NominatePageFactory(parent=home_page, slug="nominate"),
        vote=VotePageFactory(parent=home_page, slug="vote"),
    )


PAGE_TYPES = [
    "home",
    "stories",
    "missions",
    "hub",
    "headquarters",
    "story",
    "event",
    "calendar",
    "nominate",
    "vote",
]
