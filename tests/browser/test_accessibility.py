"""No serious or critical axe-core violation on any public page type, in English and Arabic,
on a desktop and on a 390 px phone; the nomination and vote forms work with the keyboard alone.

axe-core is installed by `make axe` (tools/a11y, pinned in its package-lock.json) and
injected into each page; the pages are those of `public_site`, plus the vote page.
"""

import json
from pathlib import Path

import pytest
from django.test import Client
from wagtail.models import Locale

from cms.core.locales import sync_locales
from heroes.models import Ballot, HeroStoryPage, Nomination
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
    # The two forms as they come back refused, their errors shown (served at a path of
    # their own: the browser only asks for pages here).
    for language in ("en", "ar"):
        locale = Locale.objects.get(language_code=language)
        for form in (site_with_a_vote.nominate, site_with_a_vote.vote):
            refused = client.post(form.get_translation(locale).url, {"email": "not an address"})
            assert refused.status_code in (200, 422)
            assert b"form-field__error" in refused.content
            path = f"{form.get_translation(locale).url}?refused"
            served[path] = (200, dict(refused.items()), refused.content)
            paths.append(path)

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


#: Whether the focused element shows it (the site's :focus-visible outline, or a shadow).
FOCUS_SHOWN = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  return element.matches(':focus-visible') && (outlined || style.boxShadow !== 'none');
}"""
FOCUSED = """() => {
  const element = document.activeElement;
  return [element.id, element.name || "", element.type || element.tagName];
}"""


def fill_with_the_keyboard(page, answers, *, stop, max_tabs=80):
    """Tab from the top of `page` to the element `stop` (a CSS selector), answering on the way.

    `answers` maps an element's id or name to what the keyboard does there: a text to type
    (typed into a field, or into a closed <select>, which picks the option it starts), or
    True for a checkbox (Space ticks it; each checkbox of that name while True remains).
    Returns the ids of the stops where the focus did not show.
    """
    unseen = []
    for _ in range(max_tabs):
        page.keyboard.press("Tab")
        element_id, name, kind = page.evaluate(FOCUSED)
        if not page.evaluate(FOCUS_SHOWN):
            unseen.append(element_id or name or kind)
        if page.evaluate(f"() => document.activeElement.matches({json.dumps(stop)})"):
            return unseen
        answer = answers.get(element_id, answers.get(name))
        if answer is True and kind == "checkbox":
            page.keyboard.press("Space")
        elif isinstance(answer, int) and not isinstance(answer, bool) and kind == "checkbox":
            if answer > 0:
                page.keyboard.press("Space")
                answers[name] = answer - 1
        elif isinstance(answer, str):
            page.keyboard.type(answer)
    raise AssertionError(f"{stop} not reached in {max_tabs} presses of Tab")


def test_nominating_and_voting_work_with_the_keyboard_alone_and_show_the_focus(
    site_with_a_vote, open_live, django_capture_on_commit_callbacks
):
    site = site_with_a_vote
    page = open_live(Client())

    page.goto(f"http://testserver{site.nominate.url}")
    unseen = fill_with_the_keyboard(
        page,
        {
            "id_hero_name": "Fatuma Ali",
            "id_country": "Kenya",
            "id_story": "Fatuma teaches Swahili to newcomers every Saturday.",
            "id_nominator_name": "Juma Otieno",
            "id_nominator_email": "juma@example.org",
            "id_agrees_to_be_credited": True,
        },
        stop=".nomination-form button[type=submit]",
    )
    with django_capture_on_commit_callbacks(execute=True):
        page.keyboard.press("Enter")
        page.locator(".notice--success").wait_for()
    nomination = Nomination.objects.get()
    assert (nomination.hero_name, nomination.country.code) == ("Fatuma Ali", "KE")
    assert nomination.agrees_to_be_credited

    page.goto(f"http://testserver{site.vote.url}")
    unseen += fill_with_the_keyboard(
        page,
        {"stories": 2, "email": "voter@example.org"},
        stop=".vote-form button[type=submit]",
    )
    with django_capture_on_commit_callbacks(execute=True):
        page.keyboard.press("Enter")
        page.get_by_text("We have sent you an email").wait_for()
    ballot = Ballot.objects.get()
    assert (ballot.email, ballot.choices.count()) == ("voter@example.org", 2)

    assert unseen == []
