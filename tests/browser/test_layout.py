"""No public page scrolls sideways on a 320 px wide phone, in English or in Arabic."""

import pytest

from tests.browser.helpers import open_page, snapshot

pytestmark = pytest.mark.django_db

PHONE_WIDTH = 320


def _paths(site, language):
    """Every public page type (and the calendar's two views) in `language`."""
    from wagtail.models import Locale

    locale = Locale.objects.get(language_code=language)
    pages = [
        site.stories,
        site.missions,
        site.hub,
        site.story,
        site.event,
        site.calendar,
        site.nominate,
    ]
    paths = [f"/{language}/"] + [page.get_translation(locale).url for page in pages]
    calendar = site.calendar.get_translation(locale).url
    month = site.event.start.strftime("%Y-%m")
    paths += [
        f"{calendar}?month={month}&view=month",
        f"{calendar}?month={month}&view=list",
        f"/{language}/map/",
        f"/{language}/search/?q=hero",
    ]
    return paths


def test_no_public_page_is_wider_than_a_320_px_phone(client, public_site, request):
    paths = _paths(public_site, "en") + _paths(public_site, "ar")
    served = snapshot(client, paths)
    assert {path: served[path][0] for path in paths} == dict.fromkeys(paths, 200)

    phone = open_page(request.getfixturevalue("browser"), served, width=PHONE_WIDTH, height=640)
    too_wide = {}
    for path in paths:
        phone.goto(f"http://testserver{path}")
        width = phone.evaluate("document.scrollingElement.scrollWidth")
        if width > PHONE_WIDTH:
            too_wide[path] = width

    assert too_wide == {}
    assert phone.external == []  # no page asks another host for anything
