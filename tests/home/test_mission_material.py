# ruff: noqa: F811  (pytest fixtures imported from the moderation tests)
"""A mission's own promotional tools: endorsed by its focal point, then MCD, before any reader
sees them; out of reach of other missions; the campaign's own material as it was."""

import pytest
from django.contrib.admin.utils import quote
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.permissions import policy_registry

from cms.core.models import PhotoConsent
from heroes import setup_roles
from home.models import CampaignMaterial
from tests.factories import (
    CampaignMaterialFactory,
    DocumentFactory,
    ImageFactory,
)

# The missions and their people, as the moderation tests set them up.
from tests.moderation.conftest import (  # noqa: F401
    italy,
    italy_editor,
    italy_focal_point,
    kenya,
    kenya_editor,
    kenya_focal_point,
    mcd,
)

pytestmark = pytest.mark.django_db
POSTER = "Heroes of Eastleigh: the poster"
URLS = "wagtailsnippets_home_campaignmaterial"


def url(name, *args):
    return reverse(f"{URLS}:{name}", args=[quote(arg) for arg in args])


def poster_form(mission, document, **extra):
    """The add form as the admin posts it."""
    return {
        "title": POSTER,
        "kind": CampaignMaterial.Kind.POSTER,
        "mission": mission.pk if mission else "",
        "description": "A3, for schools and community centres.",
        "document": document.pk,
        "image": "",
        "sort_order": 0,
        **extra,
    }


def act(client, material, action):
    """The reviewer's button: approve the current task of `material`'s workflow."""
    state = WorkflowState.objects.for_instance(material).get(status="in_progress")
    return client.post(url("workflow_action", material.pk, action, state.current_task_state.pk), {})


def current_task_name(material):
    state = WorkflowState.objects.for_instance(material).get(status="in_progress")
    return state.current_task_state.task.name


def public_sees(client, hub, title):
    """Where a reader could meet the material: the hub, the API listing, the search API."""
    client.logout()
    return {
        "hub": title in client.get(hub.url).content.decode(),
        "api": title in client.get("/api/v3/materials/").content.decode(),
        "search": title
        in client.get("/api/v3/search/", {"q": "Eastleigh poster"}).content.decode(),
    }


def test_a_missions_poster_is_public_on_its_hub_only_once_its_focal_point_and_mcd_endorse_it(
    client, kenya, kenya_editor, kenya_focal_point, italy_focal_point, mcd
):
    hub = kenya.hubs.get()
    document = DocumentFactory(collection=kenya.collection)
    client.force_login(kenya_editor)

    response = client.post(
        url("add") + "?locale=en", {**poster_form(kenya, document), "action-submit": "submit"}
    )

    assert response.status_code == 302, response.context["form"].errors
    poster = CampaignMaterial.objects.get(title=POSTER)
    assert (poster.mission, poster.live) == (kenya, False)
    assert current_task_name(poster) == setup_roles.FOCAL_POINT_TASK
    assert public_sees(client, hub, POSTER) == {"hub": False, "api": False, "search": False}

    # Another mission's focal point is not its reviewer, and cannot even reach it.
    assert not poster.current_workflow_task.get_actions(poster, italy_focal_point)
    client.force_login(italy_focal_point)
    assert act(client, poster, "approve").status_code == 404
    client.force_login(kenya_focal_point)
    act(client, poster, "approve")

    poster.refresh_from_db()
    assert not poster.live, "the focal point's approval does not publish"
    assert current_task_name(poster) == setup_roles.MCD_TASK
    assert public_sees(client, hub, POSTER) == {"hub": False, "api": False, "search": False}

    client.force_login(mcd)
    act(client, poster, "approve")

    poster.refresh_from_db()
    assert poster.live
    assert public_sees(client, hub, POSTER)["hub"]
    (listed,) = client.get("/api/v3/materials/", {"mission": hub.pk}).json()["items"]
    assert listed["title"] == POSTER
    assert listed["mission"] == {"country": "KE", "name": "Kenya"}
    assert listed["document"]["url"].endswith(".pdf")
    assert POSTER not in client.get("/en/").content.decode(), "the home page is the campaign's"


def test_the_focal_point_finds_it_among_what_waits_for_them_and_no_other_does(
    kenya, kenya_editor, kenya_focal_point, italy_focal_point
):
    poster = CampaignMaterialFactory(mission=kenya, kind="poster", live=False)
    poster.save_revision(user=kenya_editor)
    poster.get_workflow().start(poster, kenya_editor)
    task = poster.current_workflow_task

    assert [
        s.workflow_state.object_id
        for s in task.get_task_states_user_can_moderate(kenya_focal_point)
    ] == [str(poster.pk)]
    assert not task.get_task_states_user_can_moderate(italy_focal_point).exists()
    assert list(task.reviewers(poster)) == [kenya_focal_point]


def test_another_missions_editor_can_neither_see_nor_touch_it(
    client, kenya, italy, italy_editor, kenya_editor
):
    poster = CampaignMaterialFactory(mission=kenya, title=POSTER, kind="poster", live=False)
    client.force_login(italy_editor)

    assert POSTER not in client.get(url("list")).content.decode()
    for name in ("edit", "history", "usage", "workflow_history"):
        assert client.get(url(name, poster.pk)).status_code == 404, name
    assert client.post(url("lock", poster.pk)).status_code == 404
    # Nor through the policy Wagtail's snippets API and actions ask.
    policy = policy_registry.get_by_type(CampaignMaterial)
    assert not policy.user_has_permission_for_instance(italy_editor, "change", poster)
    assert policy.user_has_permission_for_instance(kenya_editor, "change", poster)
    assert not policy.instances_user_has_any_permission_for(italy_editor, ["change"]).exists()
    # And it cannot file material under Kenya: its missions are the only choices.
    response = client.post(url("add") + "?locale=en", poster_form(kenya, DocumentFactory()))
    assert response.status_code == 200
    assert "mission" in response.context["form"].errors


def test_only_mcd_writes_the_campaigns_own_material(client, kenya, kenya_editor, mcd):
    document = DocumentFactory()
    client.force_login(kenya_editor)
    response = client.post(url("add") + "?locale=en", poster_form(None, document))
    assert "mission" in response.context["form"].errors

    client.force_login(mcd)
    response = client.post(
        url("add") + "?locale=en", {**poster_form(None, document), "action-submit": "submit"}
    )
    assert response.status_code == 302
    material = CampaignMaterial.objects.get(title=POSTER)
    assert material.mission is None
    assert current_task_name(material) == setup_roles.MCD_TASK, "MCD's own: MCD only"


def test_the_campaigns_material_stays_on_the_home_page_and_off_the_hubs(client, kenya):
    hub = kenya.hubs.get()
    sheet = CampaignMaterialFactory(title="#MigrantHeroes info sheet (A4)", live=True)

    assert sheet.get_workflow().name == setup_roles.MCD_WORKFLOW
    assert sheet.title in client.get("/en/").content.decode()
    assert sheet.title not in client.get(hub.url).content.decode()
    (listed,) = client.get("/api/v3/materials/").json()["items"]
    assert (listed["title"], listed["mission"], listed["image"]) == (sheet.title, None, None)


def test_a_social_visual_is_an_image_shown_only_with_the_pictured_persons_consent(client, kenya):
    without_image = CampaignMaterial(title="Share the story of Amina", kind="social_visual")
    with pytest.raises(ValidationError) as refused:
        without_image.clean()
    assert "image" in refused.value.message_dict
    pending = ImageFactory(consent=PhotoConsent.PENDING)
    with pytest.raises(ValidationError) as refused:
        CampaignMaterial(title="Share", kind="social_visual", image=pending).clean()
    assert "image" in refused.value.message_dict

    photo = ImageFactory()
    visual = CampaignMaterialFactory(
        title="Share the story of Amina",
        kind="social_visual",
        document=None,
        image=photo,
        mission=kenya,
        live=True,
    )
    visual.full_clean()
    (listed,) = client.get("/api/v3/materials/").json()["items"]
    assert listed["document"] is None
    assert listed["image"]["renditions"]["share"]["width"] == 1200
    assert visual.title in client.get(kenya.hubs.get().url).content.decode()

    photo.consent = PhotoConsent.PENDING  # withdrawn
    photo.save()

    (listed,) = client.get("/api/v3/materials/").json()["items"]
    assert listed["image"] is None
