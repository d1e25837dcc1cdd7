"""Nothing a mission drafts goes public until its focal point, then MCD, have endorsed it."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page, TaskState, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from heroes import permissions, setup_roles
from heroes.services import missions
from tests.factories import EventPageFactory, HeroStoryPageFactory, LocaleFactory

pytestmark = pytest.mark.django_db


def workflow_action(client, page, action, comment=""):
    """What the reviewer's button in the admin posts."""
    task_state = WorkflowState.objects.get(
        object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).current_task_state
    data = {"comment": comment} if comment or action == "reject" else {}
    return client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk)),
        data,
    )


def submit(page, user):
    """The editor's "Submit to Mission endorsement" (what the edit view's action does)."""
    page = page.specific
    page.get_workflow().start(page, user)


def current_task(page):
    state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
    return state.current_task_state.task.specific


def test_a_mission_editor_cannot_publish_without_mcd_endorsement(kenya, kenya_editor, kenya_draft):
    hub = kenya.hubs.get()
    assert hub.permissions_for_user(kenya_editor).can_add_subpage()
    assert not kenya_draft.permissions_for_user(kenya_editor).can_publish()
    assert not kenya_draft.permissions_for_user(kenya_editor).can_publish_subpage()
    assert kenya_draft.get_workflow().name == setup_roles.MISSION_WORKFLOW


def story_form_data(story, **extra):
    """The edit form of a story as the admin posts it."""
    return nested_form_data(
        {
            "title": story.title,
            "slug": story.slug,
            "hero_name": story.hero_name,
            "headline": story.headline,
            "photo": story.photo_id,
            "country_of_origin": story.country_of_origin.code,
            "country_of_residence": story.country_of_residence.code,
            "intro": story.intro,
            "body": streamfield([("paragraph", rich_text("<p>Her story.</p>"))]),
            "tags": "",
            "related_stories": inline_formset([]),
            **extra,
        }
    )


def test_the_editor_cannot_publish_through_the_admin_either(client, kenya_editor, kenya_draft):
    client.force_login(kenya_editor)
    url = reverse("wagtailadmin_pages:edit", args=(kenya_draft.pk,))

    response = client.post(url, {**story_form_data(kenya_draft), "action-publish": "publish"})

    kenya_draft.refresh_from_db()
    assert response.status_code == 302
    assert not kenya_draft.live
    assert kenya_draft.has_unpublished_changes


def test_the_editor_submits_through_the_admin(client, kenya_editor, kenya_focal_point, kenya_draft):
    client.force_login(kenya_editor)
    url = reverse("wagtailadmin_pages:edit", args=(kenya_draft.pk,))

    response = client.post(url, {**story_form_data(kenya_draft), "action-submit": "submit"})

    assert response.status_code == 302
    assert current_task(kenya_draft).name == setup_roles.FOCAL_POINT_TASK


def test_submitting_routes_to_the_missions_own_focal_point_then_to_mcd(
    client, kenya_editor, kenya_focal_point, italy_focal_point, mcd, kenya_draft
):
    submit(kenya_draft, kenya_editor)

    task = current_task(kenya_draft)
    assert task.name == setup_roles.FOCAL_POINT_TASK
    assert task.get_actions(kenya_draft, kenya_focal_point)
    assert not task.get_actions(kenya_draft, italy_focal_point)
    assert not task.get_actions(kenya_draft, mcd)
    assert task.locked_for_user(kenya_draft, kenya_editor)

    client.force_login(kenya_focal_point)
    workflow_action(client, kenya_draft, "approve")

    kenya_draft.refresh_from_db()
    assert not kenya_draft.live, "the focal point's approval does not publish"
    assert current_task(kenya_draft).name == setup_roles.MCD_TASK

    client.force_login(mcd)
    workflow_action(client, kenya_draft, "approve")

    kenya_draft.refresh_from_db()
    assert kenya_draft.live
    assert kenya_draft.live_revision.user_id == kenya_editor.pk


def test_another_missions_focal_point_cannot_approve(
    client, kenya_editor, italy_focal_point, kenya_draft
):
    submit(kenya_draft, kenya_editor)
    client.force_login(italy_focal_point)

    workflow_action(client, kenya_draft, "approve")

    assert (
        TaskState.objects.get(workflow_state__object_id=str(kenya_draft.pk)).status
        == TaskState.STATUS_IN_PROGRESS
    )


def test_the_focal_point_sees_only_their_missions_pages_to_review(
    kenya_editor, italy_editor, kenya_focal_point, kenya_draft, italy
):
    italy_draft = HeroStoryPageFactory(parent=italy.hubs.get(), draft=True)
    italy_draft.save_revision(user=italy_editor)
    submit(kenya_draft, kenya_editor)
    submit(italy_draft, italy_editor)

    task = current_task(kenya_draft)
    reviewable = task.get_task_states_user_can_moderate(kenya_focal_point)

    assert [state.workflow_state.object_id for state in reviewable] == [str(kenya_draft.pk)]


def test_rejection_with_a_comment_returns_the_page_to_its_author(
    client, kenya_editor, kenya_focal_point, kenya_draft
):
    submit(kenya_draft, kenya_editor)
    mail.outbox.clear()
    client.force_login(kenya_focal_point)

    workflow_action(client, kenya_draft, "reject", comment="Please add the hero's consent form.")

    state = WorkflowState.objects.get(object_id=str(kenya_draft.pk))
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Please add the hero's consent form."
    kenya_draft.refresh_from_db()
    assert not kenya_draft.live
    assert [message.to for message in mail.outbox] == [[kenya_editor.email]]
    assert "Please add the hero's consent form." in mail.outbox[0].body


def test_notifications_go_to_the_right_people(
    client, kenya_editor, kenya_focal_point, italy_focal_point, mcd, kenya_draft
):
    mail.outbox.clear()
    submit(kenya_draft, kenya_editor)

    assert {address for m in mail.outbox for address in m.to} == {kenya_focal_point.email}

    mail.outbox.clear()
    client.force_login(kenya_focal_point)
    workflow_action(client, kenya_draft, "approve")

    recipients = {address for m in mail.outbox for address in m.to}
    assert mcd.email in recipients
    assert italy_focal_point.email not in recipients
    assert kenya_focal_point.email not in recipients


def test_headquarters_pages_need_only_mcd_endorsement(mission_index, mcd, client):
    from tests.factories import MissionHubPageFactory

    hq = MissionHubPageFactory(parent=mission_index, headquarters=True)
    setup_roles.ensure_headquarters_workflow([hq])
    event = EventPageFactory(parent=hq, draft=True)
    event.save_revision()
    submit(event, mcd)

    assert current_task(event).name == setup_roles.MCD_TASK


def test_campaign_material_needs_mcd_endorsement(kenya):
    from home.models import CampaignMaterial

    assert CampaignMaterial.get_default_workflow().name == setup_roles.MCD_WORKFLOW


def test_translators_follow_the_same_endorsement(kenya, kenya_editor, kenya_focal_point):
    """A story in the French tree is under the French hub, which carries the same workflow."""
    french = LocaleFactory(language_code="fr")
    hub = kenya.hubs.get(locale=Locale.get_default())
    french_hub = hub.copy_for_translation(french, copy_parents=True)
    missions.setup_mission(
        country="KE", name="Kenya", focal_point_email="focal.point@kenya.example.org"
    )
    story = HeroStoryPageFactory(parent=french_hub, draft=True, hero_name="Amina Yusuf")
    story.save_revision()

    assert story.get_workflow().name == setup_roles.MISSION_WORKFLOW
    assert french_hub.permissions_for_user(kenya_editor).can_add_subpage()
    submit(story, kenya_editor)
    assert current_task(story).get_actions(story, kenya_focal_point)


def test_a_scheduled_story_goes_live_only_after_endorsement(
    client, kenya_editor, kenya_focal_point, mcd, kenya_draft
):
    go_live = (timezone.now() + dt.timedelta(hours=1)).replace(microsecond=0)
    kenya_draft.go_live_at = go_live
    kenya_draft.save_revision(user=kenya_editor)
    submit(kenya_draft, kenya_editor)

    call_command("publish_scheduled")
    kenya_draft.refresh_from_db()
    assert not kenya_draft.live, "not endorsed: the scheduler leaves it alone"

    for reviewer in (kenya_focal_point, mcd):
        client.force_login(reviewer)
        workflow_action(client, kenya_draft, "approve")
    kenya_draft.refresh_from_db()
    assert not kenya_draft.live, "endorsed, but its time has not come"
    revision = kenya_draft.latest_revision
    assert revision.approved_go_live_at == go_live

    # Its time comes (the clock moved forward: the schedule moved back instead).
    past = timezone.now() - dt.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    call_command("publish_scheduled")
    kenya_draft.refresh_from_db()
    assert kenya_draft.live


def test_an_unendorsed_scheduled_draft_never_goes_live(kenya_editor, kenya_draft):
    kenya_draft.go_live_at = timezone.now() - dt.timedelta(minutes=5)
    kenya_draft.save_revision(user=kenya_editor)

    call_command("publish_scheduled")

    kenya_draft.refresh_from_db()
    assert not kenya_draft.live


def test_endorsement_leaves_a_trace_in_the_history(
    client, kenya_editor, kenya_focal_point, mcd, kenya_draft
):
    from wagtail.models import PageLogEntry

    submit(kenya_draft, kenya_editor)
    for reviewer in (kenya_focal_point, mcd):
        client.force_login(reviewer)
        workflow_action(client, kenya_draft, "approve")

    actions = list(
        PageLogEntry.objects.filter(page=kenya_draft)
        .order_by("timestamp")
        .values_list("action", flat=True)
    )
    assert "wagtail.workflow.start" in actions
    assert actions.count("wagtail.workflow.approve") == 2
    assert "wagtail.publish" in actions


class TestMissionRooms:
    """Mission A's people cannot edit, move, delete or submit mission B's pages or media."""

    @pytest.fixture
    def logged_in(self, client, kenya_editor):
        client.force_login(kenya_editor)
        return client

    @pytest.mark.parametrize("view", ["edit", "delete", "move", "copy"])
    def test_cannot_reach_another_missions_page_views(self, logged_in, italy_story, view):
        response = logged_in.get(reverse(f"wagtailadmin_pages:{view}", args=(italy_story.pk,)))
        # Wagtail answers an admin view's PermissionDenied by sending to the dashboard.
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")

    def test_can_reach_their_own_page(self, logged_in, kenya_story):
        response = logged_in.get(reverse("wagtailadmin_pages:edit", args=(kenya_story.pk,)))
        assert response.status_code == 200

    def test_cannot_delete_another_missions_page(self, logged_in, italy_story):
        logged_in.post(reverse("wagtailadmin_pages:delete", args=(italy_story.pk,)))
        assert Page.objects.filter(pk=italy_story.pk).exists()

    def test_cannot_submit_another_missions_page(self, logged_in, kenya_editor, italy_story):
        url = reverse("wagtailadmin_pages:edit", args=(italy_story.pk,))

        logged_in.post(url, {**story_form_data(italy_story), "action-submit": "submit"})

        assert not italy_story.permissions_for_user(kenya_editor).can_edit()
        assert not WorkflowState.objects.filter(object_id=str(italy_story.pk)).exists()

    def test_cannot_edit_another_missions_images_or_documents(self, logged_in, italy_story):
        from tests.factories import DocumentFactory, ImageFactory

        italy = italy_story.get_parent().specific
        from heroes.models import Mission

        collection = Mission.objects.get(country=italy.country).collection
        image = ImageFactory(collection=collection)
        document = DocumentFactory(collection=collection)

        image_response = logged_in.get(reverse("wagtailimages:edit", args=(image.pk,)))
        document_response = logged_in.get(reverse("wagtaildocs:edit", args=(document.pk,)))

        for response in (image_response, document_response):
            assert response.status_code == 302
            assert response["Location"] == reverse("wagtailadmin_home")

    def test_can_edit_images_of_their_own_collection(self, logged_in, kenya):
        from tests.factories import ImageFactory

        image = ImageFactory(collection=kenya.collection)
        assert logged_in.get(reverse("wagtailimages:edit", args=(image.pk,))).status_code == 200


def test_pages_outside_the_missions_need_mcd_endorsement(kenya, home_page):
    """Translators' edits of the home page (or any page outside a hub) go to MCD too."""
    assert home_page.get_workflow().name == setup_roles.MCD_WORKFLOW


def test_only_mcd_holds_the_key_to_publishing(kenya):
    """Wagtail's default groups (Moderators could publish anything) are gone."""
    from django.contrib.auth.models import Group
    from wagtail.models import GroupPagePermission

    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    publishers = set(
        GroupPagePermission.objects.filter(permission__codename="publish_page").values_list(
            "group__name", flat=True
        )
    )
    assert publishers == {permissions.MCD_GROUP}
