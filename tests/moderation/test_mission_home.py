"""A mission's editors and focal point land on their own room in the admin."""

import re

import pytest
from django.urls import reverse

from tests.factories import HeroStoryPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def kenya_in_review(kenya, kenya_editor):
    story = HeroStoryPageFactory(parent=kenya.hubs.get(), hero_name="Otieno Baraka", draft=True)
    story.save_revision(user=kenya_editor)
    story.get_workflow().start(story, kenya_editor)
    return story


def _dashboard(client, user):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("person", ["kenya_editor", "kenya_focal_point"])
def test_a_mission_lands_on_its_own_dashboard_panel(
    client, request, person, kenya, kenya_draft, kenya_in_review, italy_story
):
    html = _dashboard(client, request.getfixturevalue(person))

    hub = kenya.hubs.get()
    assert "Your mission: Kenya" in html
    assert reverse("wagtailadmin_pages:add", args=("heroes", "herostorypage", hub.pk)) in html
    assert "Add a story" in html
    drafts = html[html.index("Your drafts") :]
    assert "Grace Akech" in drafts  # the draft
    awaiting = html[html.index("Awaiting review") : html.index("Your drafts")]
    assert "Otieno Baraka" in awaiting and "Grace Akech" not in awaiting
    assert "Ousmane Diallo" not in html  # Italy's story


def test_mcd_and_other_missions_do_not_get_kenyas_panel(client, mcd, italy_editor, kenya_draft):
    assert "Your mission" not in _dashboard(client, mcd)
    italian = _dashboard(client, italy_editor)
    assert "Your mission: Italy" in italian and "Grace Akech" not in italian


def _explorer_start(html):
    """The page Wagtail's sidebar opens the explorer at (its menu is JSON in the page)."""
    explorer = r'PageExplorerMenuItem", "_args": \[\{"name": "explorer".*?"url": "[^"]*"\}, (\d+)\]'
    match = re.search(explorer, html)
    return int(match.group(1)) if match else None


def test_a_missions_page_explorer_opens_at_its_hub(client, kenya, kenya_editor, mcd):
    hub = kenya.hubs.get()

    assert _explorer_start(_dashboard(client, kenya_editor)) == hub.pk
    assert _explorer_start(_dashboard(client, mcd)) != hub.pk
