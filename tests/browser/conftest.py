"""A real browser for layout tests: Debian's Chromium, driven by Playwright.

Playwright's own browser download is never used: `CHROMIUM` (default /usr/bin/chromium,
`apt-get install chromium`) is launched instead. The browser asks http://testserver/, and
every request is answered by Django's test client (so the tests run in the test's own
transaction, no live server); a request for any other host is refused and recorded.
"""

import os
from types import SimpleNamespace

import pytest
from playwright.sync_api import sync_playwright

from cms.core.locales import sync_locales
from tests.factories import (
    CalendarPageFactory,
    EventPageFactory,
    HeroIndexPageFactory,
    HeroStoryPageFactory,
    MissionHubPageFactory,
    MissionIndexPageFactory,
    NominatePageFactory,
)

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


@pytest.fixture
def public_site(home_page):
    """One page of every public type, with long words, in English and (as aliases) Arabic."""
    missions = MissionIndexPageFactory(parent=home_page, slug="missions")
    hub = MissionHubPageFactory(
        parent=missions, country="KE", office_name="International Organization for Migration"
    )
    story = HeroStoryPageFactory(
        parent=hub,
        hero_name="Abdirahmanmohamedabdullahi Warsame-Hassanovic",
        headline="The interdisciplinary intergenerational neighbourhood-cooperative founder",
        tags=["entrepreneurship", "intergenerational-solidarity"],
    )
    HeroStoryPageFactory.create_batch(3, parent=hub)
    event = EventPageFactory(parent=hub, hero_story=story)
    pages = SimpleNamespace(
        home=home_page,
        stories=HeroIndexPageFactory(parent=home_page, slug="stories"),
        missions=missions,
        hub=hub,
        story=story,
        event=event,
        calendar=CalendarPageFactory(parent=home_page, slug="calendar"),
        nominate=NominatePageFactory(parent=home_page, slug="nominate"),
    )
    sync_locales()
    return pages


@pytest.fixture
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"No Chromium at {CHROMIUM}: apt-get install chromium (or set CHROMIUM).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-dev-shm-usage"]
        )
        yield browser
        browser.close()
