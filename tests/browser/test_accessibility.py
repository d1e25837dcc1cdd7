"""No serious or critical axe-core violation on any public page type, in English and Arabic,
on a desktop and on a 390 px phone; the nomination and vote forms work with the keyboard alone.

axe-core is installed by `make axe` (tools/a11y, pinned in its package-lock.json) and
injected into each page; the pages are those of `public_site`, plus the vote page.
"""

import json
from pathlib import Path

import pytest
from wagtail.models import Locale

from cms.core.locales import sync_locales
from heroes.models import HeroStoryPage
from tests.browser.helpers import open_page, snapshot
from tests.factories import VotePageFactory, VotingRoundFactory

pytestmark = pytest.mark.django_db

AXE = Path(__file__).resolve().parents[2] / "tools" / "a11y" / "node_modules" / "axe-core"
SIZES = {"desktop": (1280, 900), "phone": (390, 844)}
SERIOUS = ("serious", "critical")
#: Where the browser gets axe-core from: the site's own origin, which its CSP allows.
AXE_PATH = "/axe-core/axe.min.js"


@pytest.fixture
def axe_source():
    if not (AXE / "axe.min.js").exists():
        pytest.fail("axe-core is not installed: make axe (npm ci in tools/a11y).")
    return (AXE / "axe.min.js").read_bytes()


@pytest.fixture
def site_with_a_vote(public_site, home_page):
    stories = list(HeroStoryPage.objects.child_of(public_site.hub))
    public_site.vote = VotePageFactory(parent=home_page)
    VotingRoundFactory(stories=stories)
    sync_locales()
    return public_site


def public_paths(site, language):
    """Every public page type, the calendar's two views, the map and a search, in `language`."""
    locale = Locale.objects.get(language_code=language)
    pages = [
        site.stories,
        site.missions,
        site.hub,
        site.story,
        site.event,
        site.calendar,
        site.nominate,
        site.vote,
    ]
    paths = [f"/{language}/"] + [page.get_translation(locale).url for page in pages]
    calendar = site.calendar.get_translation(locale).url
    month = site.event.start.strftime("%Y-%m")
    return [
        *paths,
        f"{calendar}?month={month}&view=month",
        f"{calendar}?month={month}&view=list",
        f"/{language}/map/",
        f"/{language}/search/?q=hero",
    ]


def serve_axe(served, axe_source):
    served[AXE_PATH] = (200, {"Content-Type": "text/javascript"}, axe_source)
    return served


def serious_violations(page):
    """axe-core's serious and critical violations on `page`: {rule id: [target, …]}."""
    page.add_script_tag(url=f"http://testserver{AXE_PATH}")
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return {
        violation["id"]: [json.dumps(node["target"]) for node in violation["nodes"]][:5]
        for violation in results["violations"]
        if violation["impact"] in SERIOUS
    }


def test_no_public_page_has_a_serious_accessibility_violation(
    client, site_with_a_vote, axe_source, request
):
    paths = public_paths(site_with_a_vote, "en") + public_paths(site_with_a_vote, "ar")
    served = serve_axe(snapshot(client, paths), axe_source)
    assert {path: served[path][0] for path in paths} == dict.fromkeys(paths, 200)

    browser = request.getfixturevalue("browser")
    found = {}
    for size, (width, height) in SIZES.items():
        page = open_page(browser, served, width=width, height=height)
        for path in paths:
            page.goto(f"http://testserver{path}")
            violations = serious_violations(page)
            if violations:
                found[f"{size} {path}"] = violations
        page.context.close()

    assert found == {}
