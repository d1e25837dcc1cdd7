"""A translator's work goes through the same endorsement as the mission's drafts."""

import html

import pytest
from django.urls import reverse
from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import StringSegment

from cms.core.locales import sync_locales
from cms.core.roles import ensure_translator_groups
from heroes import setup_roles
from heroes.services import missions
from tests.factories import HeroStoryPageFactory, UserFactory
from tests.i18n.test_translator_path import put_string, start_french_translation
from tests.moderation.test_workflows import current_task, workflow_action

pytestmark = pytest.mark.django_db
HEADLINE = "The sewing circle that became a cooperative"
FRENCH_HEADLINE = "L’atelier de couture devenu coopérative"


@pytest.fixture
def french_story(kenya, client, django_capture_on_commit_callbacks):
    """Kenya's English story, its French translation started by a French translator."""
    story = HeroStoryPageFactory(parent=kenya.hubs.get(), headline=HEADLINE, slug="amina")
    sync_locales()
    missions.setup_mission(
        country="KE", name="Kenya", focal_point_email="focal.point@kenya.example.org"
    )  # the hub's new aliases get the mission's rights and workflow
    translator = UserFactory()
    translator.groups.add(ensure_translator_groups()["fr"])
    client.force_login(translator)
    french = Locale.objects.get(language_code="fr")
    translation = start_french_translation(
        client, story, french, django_capture_on_commit_callbacks
    )
    segment = StringSegment.objects.get(source=translation.source, string__data=HEADLINE)
    assert put_string(client, translation, segment, FRENCH_HEADLINE).status_code in (200, 201)
    page = story.get_translation(french)
    page.translator = translator
    return page


def test_a_translator_cannot_publish_but_submits_to_the_missions_endorsement(
    client, french_story, kenya_focal_point, mcd, django_capture_on_commit_callbacks
):
    url = reverse("heroes_submit_translation", args=(french_story.pk,))
    assert client.get(url).status_code == 200
    assert not french_story.permissions_for_user(french_story.translator).can_publish()

    response = client.post(url)

    assert response.status_code == 302
    assert current_task(french_story).name == setup_roles.FOCAL_POINT_TASK
    for reviewer in (kenya_focal_point, mcd):
        client.force_login(reviewer)
        with django_capture_on_commit_callbacks(execute=True):
            workflow_action(client, french_story, "approve")
    client.logout()
    served = html.unescape(client.get(french_story.url).content.decode())
    assert FRENCH_HEADLINE in served
    assert WorkflowState.objects.get(object_id=str(french_story.pk)).status == "approved"


def test_the_page_is_unchanged_until_endorsed(client, french_story):
    client.post(reverse("heroes_submit_translation", args=(french_story.pk,)))
    client.logout()

    assert FRENCH_HEADLINE not in html.unescape(client.get(french_story.url).content.decode())


def test_people_who_can_publish_or_cannot_edit_are_not_offered_the_submission(
    client, french_story, mcd, italy_editor
):
    url = reverse("heroes_submit_translation", args=(french_story.pk,))
    for user in (mcd, italy_editor):
        client.force_login(user)
        for response in (client.post(url), client.get(url)):
            # Wagtail answers an admin view's PermissionDenied by sending to the dashboard.
            assert response.status_code == 302
            assert response["Location"] == reverse("wagtailadmin_home")
    assert not WorkflowState.objects.filter(object_id=str(french_story.pk)).exists()
