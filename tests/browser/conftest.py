"""A real browser for layout tests: Debian's Chromium, driven by Playwright.

Playwright's own browser download is never used: `CHROMIUM` (default /usr/bin/chromium,
`apt-get install chromium`) is launched instead. The browser asks http://testserver/, and
every request is answered by Django's test client (so the tests run in the test's own
transaction, no live server); a request for any other host is refused and recorded.
"""

import contextlib
import os
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from playwright.sync_api import Error as PlaywrightError
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

# The missions, their people and the translators, as the moderation and i18n tests have them.
from tests.i18n.conftest import translator_of  # noqa: F401
from tests.moderation.conftest import kenya, kenya_editor, kenya_focal_point, mcd  # noqa: F401

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
#: Where a failing browser test leaves screenshots of its pages (gitignored; CI keeps it).
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def pages_to_keep(request):
    """A list to put the test's browser pages in: screenshots of them are kept if it fails."""
    pages = []
    yield pages
    report = getattr(request.node, "report_call", None)
    if report is None or not report.failed:
        return
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^\w.-]+", "_", request.node.name)
    for number, page in enumerate(pages):
        with contextlib.suppress(PlaywrightError):  # a page already closed: nothing to keep
            page.screenshot(path=ARTIFACTS / f"{name}-{number}.png", full_page=True)


@pytest.fixture
def allow_orm_in_playwright(monkeypatch):
    """The ORM, called while Playwright's event loop runs in this thread, uses this thread's
    connection, inside the test's transaction (the test body's and live_page's requests).

    Playwright's sync API runs its asyncio loop in the test's own thread. Django would then
    refuse the ORM (SynchronousOnlyOperation), and asgiref's thread-critical Local, which
    holds Django's connections, would give each asyncio context a connection of its own,
    outside the test's transaction. Both are told this thread is a plain sync thread.
    """
    from asgiref.local import _ThreadCriticalLocal

    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    monkeypatch.setattr(_ThreadCriticalLocal, "_get_storage", lambda local: local._storage)


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


@pytest.fixture
def open_live(allow_orm_in_playwright, browser, pages_to_keep):
    """open_live(client, width=…): a browser page served live by `client` (helpers.live_page),
    screenshotted into test-artifacts/browser/ if the test fails."""
    from tests.browser.helpers import live_page

    def open_(client, **size):
        page = live_page(browser, client, **size)
        pages_to_keep.append(page)
        return page

    return open_
