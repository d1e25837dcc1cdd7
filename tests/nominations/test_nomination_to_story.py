"""Reviewing a public nomination: accept (a draft story), decline, duplicate, and who may."""

import io
import json
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from wagtail.models import APIToken, Collection, ModelLogEntry, PageLogEntry

from cms.core.consent import validate_consent
from cms.core.models import PhotoConsent
from heroes import setup_roles
from heroes.models import HeroStoryPage, Nomination, NominationStatus
from heroes.services import duplicates, intake, review
from tests.factories import MissionHubPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def jpeg():
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), (200, 120, 40)).save(buffer, format="JPEG")
    return ContentFile(buffer.getvalue(), name="hero.jpg")


def sent_by_the_public(country="KE", mission=None, *, photo=True, **fields):
    nomination = Nomination(
        **{
            "hero_name": "Halima Hassan",
            "country": country,
            "country_of_origin": "SO",
            "story": "Halima teaches forty children to read.\n\nEvery evening, in Eastleigh.",
            "photo_consent": True,
            "nominator_name": "Joseph Otieno",
            "nominator_email": "joseph@example.org",
            "nominator_phone": "+254 711 000 000",
            "agrees_to_be_credited": True,
            "mission": mission,
            **fields,
        }
    )
    if photo:
        nomination.photo = jpeg()
    nomination.save()
    return nomination


@pytest.fixture
def nomination(kenya):
    return sent_by_the_public("KE", kenya)


@pytest.fixture
def headquarters(mission_index):
    hub = MissionHubPageFactory(parent=mission_index, headquarters=True)
    setup_roles.ensure_headquarters_workflow([hub])
    return hub


def accept(user, nomination, **options):
    return review.accept_nomination(user=user, nomination=nomination, **options)


# Accept ---------------------------------------------------------------------------------------


def test_accepting_drafts_the_story_in_the_hub_of_the_heros_mission(
    kenya, kenya_editor, nomination, django_capture_on_commit_callbacks
):
    private_file = Path(nomination.photo.path)

    with django_capture_on_commit_callbacks(execute=True):
        story = accept(kenya_editor, nomination)

    story = HeroStoryPage.objects.get(pk=story.pk)
    assert story.get_parent().pk == kenya.hubs.get().pk
    assert not story.live and story.has_unpublished_changes
    assert (story.title, story.hero_name) == ("Halima Hassan", "Halima Hassan")
    assert (story.country_of_residence, story.country_of_origin) == ("KE", "SO")
    first_block = story.body[0]
    assert first_block.block_type == "paragraph"
    assert first_block.value.source == (
        "<p>Halima teaches forty children to read.</p>\n\n<p>Every evening, in Eastleigh.</p>"
    )
    assert story.owner == kenya_editor
    # The photo moved: a Wagtail image of the mission's collection, the private copy deleted.
    assert story.photo.collection == kenya.collection
    assert story.photo.description == "Photo of Halima Hassan"
    assert not private_file.exists()
    nomination.refresh_from_db()
    assert not nomination.photo


def test_the_moved_photo_records_the_consent_the_nominator_gave(kenya_editor, nomination):
    story = accept(kenya_editor, nomination, alt_text="Halima reading with her pupils")

    photo = story.photo
    assert photo.description == "Halima reading with her pupils"
    assert photo.consent == PhotoConsent.WRITTEN
    assert photo.consent_notes == (
        f"Given by the nominator on {nomination.submitted_at.date().isoformat()} "
        f"with public nomination #{nomination.pk}."
    )


def test_a_photo_sent_without_consent_stays_pending_so_it_cannot_be_published(kenya, kenya_editor):
    nomination = sent_by_the_public("KE", kenya, photo_consent=False)

    story = accept(kenya_editor, nomination)

    assert story.photo.consent == PhotoConsent.PENDING
    assert f"#{nomination.pk}" in story.photo.consent_notes
    with pytest.raises(ValidationError) as error:
        validate_consent(story)
    assert "photo" in error.value.message_dict


@pytest.mark.parametrize(("agrees", "credit"), [(True, "Joseph Otieno"), (False, "")])
def test_the_nominator_is_credited_only_if_they_agreed(kenya, kenya_editor, agrees, credit):
    nomination = sent_by_the_public("KE", kenya, agrees_to_be_credited=agrees)

    story = accept(kenya_editor, nomination)

    assert story.nominator_name == credit
    assert story.nominator_agreed_to_credit is agrees
    assert story.nominator_credit == credit


def test_accepting_starts_the_hubs_endorsement_workflow_as_the_reviewer(kenya_editor, nomination):
    story = accept(kenya_editor, nomination)

    state = story.current_workflow_state
    assert state.workflow.name == setup_roles.MISSION_WORKFLOW
    assert state.requested_by == kenya_editor
    assert state.current_task_state.task.name == setup_roles.FOCAL_POINT_TASK


def test_a_hero_where_no_mission_works_gets_a_draft_in_hqs_hub(mcd, headquarters):
    nomination = sent_by_the_public("BR")

    story = accept(mcd, nomination)

    assert story.get_parent().pk == headquarters.pk
    assert story.photo.collection == Collection.get_first_root_node()
    assert story.current_workflow_state.workflow.name == setup_roles.MCD_WORKFLOW


def test_nomination_and_story_are_linked_both_ways_and_both_histories_say_so(
    client, mcd, nomination
):
    story = accept(mcd, nomination)

    nomination.refresh_from_db()
    assert nomination.hero_story.pk == story.pk
    assert list(story.nominations.all()) == [nomination]
    assert nomination.status == NominationStatus.ACCEPTED
    assert nomination.reviewed_by == mcd
    accepted = ModelLogEntry.objects.get(action="heroes.nomination_accepted")
    assert (accepted.object_id, accepted.user) == (str(nomination.pk), mcd)
    assert accepted.data["story"]["id"] == story.pk
    drafted = PageLogEntry.objects.get(page=story, action="heroes.story_drafted_from_nomination")
    assert (drafted.data, drafted.user) == ({"nomination": nomination.pk}, mcd)
    assert drafted.message == f"Drafted from public nomination #{nomination.pk}"

    client.force_login(mcd)
    review = client.get(reverse("nominations:inspect", args=(nomination.pk,))).content.decode()
    editor = client.get(reverse("wagtailadmin_pages:edit", args=(story.pk,))).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=(story.pk,)) in review
    assert reverse("nominations:inspect", args=(nomination.pk,)) in editor


def test_a_nomination_becomes_a_story_once(kenya_editor, nomination):
    accept(kenya_editor, nomination)

    with pytest.raises(ValidationError):
        accept(kenya_editor, nomination)
    assert HeroStoryPage.objects.count() == 1


def test_a_nomination_without_a_photo_needs_one_chosen_for_the_story(kenya, kenya_editor):
    nomination = sent_by_the_public("KE", kenya, photo=False)

    with pytest.raises(ValidationError) as error:
        accept(kenya_editor, nomination)

    assert "image" in error.value.message_dict
    assert not HeroStoryPage.objects.exists()


def test_neither_the_draft_nor_the_photo_is_public(client, kenya_editor, nomination):
    story = accept(kenya_editor, nomination)

    assert client.get(f"/api/v3/pages/{story.pk}/").status_code == 404
    assert client.get(f"/api/v3/images/{story.photo.pk}/").status_code == 401
    assert b"Halima" not in client.get("/api/v3/stories/").content


# Decline, duplicate -------------------------------------------------------------------------


def test_declining_keeps_the_reason_and_logs_it(kenya_focal_point, nomination):
    review.decline_nomination(
        user=kenya_focal_point, nomination=nomination, reason="Not a migrant."
    )

    nomination.refresh_from_db()
    assert (nomination.status, nomination.review_note) == (
        NominationStatus.DECLINED,
        "Not a migrant.",
    )
    entry = ModelLogEntry.objects.get(action="heroes.nomination_declined")
    assert (entry.object_id, entry.user, entry.comment) == (
        str(nomination.pk),
        kenya_focal_point,
        "Not a migrant.",
    )


def test_declining_needs_a_reason(kenya_editor, nomination):
    with pytest.raises(ValidationError) as error:
        review.decline_nomination(user=kenya_editor, nomination=nomination, reason="  ")

    assert "reason" in error.value.message_dict
    assert Nomination.objects.get().status == NominationStatus.NEW


def test_marking_a_duplicate_links_it_to_the_first_nomination_and_logs_it(
    kenya, kenya_editor, nomination
):
    again = sent_by_the_public("KE", kenya, hero_name="Halima Hasan")

    review.mark_nomination_duplicate(user=kenya_editor, nomination=again, original=nomination)

    again.refresh_from_db()
    assert (again.status, again.duplicate_of) == (NominationStatus.DUPLICATE, nomination)
    entry = ModelLogEntry.objects.get(action="heroes.nomination_marked_duplicate")
    assert (entry.object_id, entry.data["original"]["id"]) == (str(again.pk), nomination.pk)
    with pytest.raises(ValidationError):  # no circle: the first is not a duplicate of its own
        review.mark_nomination_duplicate(user=kenya_editor, nomination=nomination, original=again)


# Likely duplicates, identical second sends -------------------------------------------------


def test_the_same_hero_nominated_again_within_30_days_is_a_likely_duplicate(kenya, nomination):
    def nominated(name, country="KE", days_later=0):
        other = sent_by_the_public(country, photo=False, hero_name=name)
        Nomination.objects.filter(pk=other.pk).update(
            submitted_at=nomination.submitted_at + timezone.timedelta(days=days_later)
        )
        return other

    typo = nominated("Halima Hasan", days_later=3)
    reordered = nominated("hassan  HALIMA", days_later=-20)
    accented = nominated("Hálima Hassan", days_later=29)
    nominated("Halima Hassan", days_later=31)  # too late
    nominated("Halima Hassan", country="UG")  # elsewhere
    nominated("Amina Yusuf")  # someone else

    assert duplicates.likely_duplicates(nomination) == [reordered, typo, accented]


def test_the_review_screen_shows_likely_duplicates(client, kenya, mcd, nomination):
    again = sent_by_the_public("KE", kenya, hero_name="Halima Hasan", photo=False)
    client.force_login(mcd)

    page = client.get(reverse("nominations:inspect", args=(nomination.pk,))).content.decode()

    assert reverse("nominations:inspect", args=(again.pk,)) in page


def public_form(**overrides):
    return {
        "hero_name": "Halima Hassan",
        "country": "KE",
        "country_of_origin": "SO",
        "story": "Halima teaches forty children to read every evening in Eastleigh.",
        "photo_consent": "true",
        "nominator_name": "Joseph Otieno",
        "nominator_email": "joseph@example.org",
        "website": "",
        **overrides,
    }


def receive(**overrides):
    return intake.receive_nomination(
        data=public_form(**overrides), client="198.51.100.7", language="en"
    )


def test_a_nominators_identical_second_send_within_a_day_is_merged(kenya):
    first = receive()
    second = receive(nominator_email="Joseph@Example.org", story=first.story + "  ")

    assert second.pk == first.pk
    assert Nomination.objects.count() == 1


def test_a_second_send_a_day_later_or_with_another_story_is_stored(kenya):
    first = receive()
    Nomination.objects.filter(pk=first.pk).update(
        submitted_at=timezone.now() - timezone.timedelta(days=1, minutes=1)
    )
    receive()
    receive(story="Halima also runs the neighbourhood's football team.")

    assert Nomination.objects.count() == 3


# Who may act ------------------------------------------------------------------------------------


@pytest.mark.parametrize("reviewer", ["kenya_editor", "kenya_focal_point", "mcd"])
def test_mcd_and_the_heros_mission_may_act(request, reviewer, nomination):
    user = request.getfixturevalue(reviewer)

    accept(user, nomination)

    assert HeroStoryPage.objects.count() == 1


def test_another_mission_may_not_act(italy_editor, nomination):
    for act in (
        lambda: accept(italy_editor, nomination),
        lambda: review.decline_nomination(user=italy_editor, nomination=nomination, reason="No"),
        lambda: review.mark_nomination_duplicate(
            user=italy_editor, nomination=nomination, original=nomination
        ),
    ):
        with pytest.raises(PermissionDenied):
            act()
    nomination.refresh_from_db()
    assert (nomination.status, nomination.hero_story) == (NominationStatus.NEW, None)


@pytest.fixture
def translator(kenya):
    """Someone with admin access but no part in the review."""
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def test_the_admins_decisions_are_the_heros_missions_and_mcds_alone(
    client, kenya_editor, italy_editor, translator, nomination
):
    accept_url = reverse("nominations:accept", args=(nomination.pk,))
    decline_url = reverse("nominations:decline", args=(nomination.pk,))

    anonymous = client.post(accept_url)
    client.force_login(translator)
    outsider = client.post(accept_url)
    client.force_login(italy_editor)
    other_mission = client.post(decline_url, {"reason": "No"})
    assert not HeroStoryPage.objects.exists()
    assert Nomination.objects.get().status == NominationStatus.NEW
    client.force_login(kenya_editor)
    accepted = client.post(accept_url, {"alt_text": "Halima in class"})

    assert (anonymous.status_code, anonymous["Location"].split("?")[0]) == (302, "/admin/login/")
    assert (outsider.status_code, outsider["Location"]) == (302, "/admin/")
    assert other_mission.status_code == 404
    assert (accepted.status_code, accepted["Location"]) == (
        302,
        reverse("nominations:inspect", args=(nomination.pk,)),
    )
    assert HeroStoryPage.objects.get().photo.description == "Halima in class"


def test_the_admin_declines_with_a_reason_and_marks_duplicates(client, kenya, mcd, nomination):
    again = sent_by_the_public("KE", kenya, photo=False)
    client.force_login(mcd)

    refused = client.post(reverse("nominations:decline", args=(again.pk,)), {"reason": ""})
    again.refresh_from_db()
    assert again.status == NominationStatus.NEW
    client.post(reverse("nominations:duplicate", args=(again.pk,)), {"original": nomination.pk})
    client.post(reverse("nominations:decline", args=(nomination.pk,)), {"reason": "Not a hero."})

    assert refused.status_code == 302
    again.refresh_from_db()
    nomination.refresh_from_db()
    assert (again.status, again.duplicate_of) == (NominationStatus.DUPLICATE, nomination)
    assert (nomination.status, nomination.review_note) == (NominationStatus.DECLINED, "Not a hero.")


def test_the_review_screen_speaks_to_reviewers_and_offers_the_decisions(client, mcd, nomination):
    client.force_login(mcd)

    page = client.get(reverse("nominations:inspect", args=(nomination.pk,))).content.decode()

    assert "Nominator&#x27;s email" in page and "joseph@example.org" in page
    assert "Your email" not in page and "Your name" not in page
    assert reverse("nominations:photo", args=(nomination.pk,)) in page
    for action in ("accept", "decline", "duplicate"):
        assert reverse(f"nominations:{action}", args=(nomination.pk,)) in page


def test_the_review_screen_escapes_what_the_public_typed(client, kenya, mcd):
    nomination = sent_by_the_public("KE", kenya, hero_name="<script>alert(1)</script>")
    client.force_login(mcd)

    page = client.get(reverse("nominations:inspect", args=(nomination.pk,))).content.decode()

    assert "<script>alert(1)</script>" not in page
    assert "Photo of &lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_the_listing_leads_to_the_review_screen(client, mcd, nomination):
    client.force_login(mcd)

    listing = client.get(reverse("nominations:index")).content.decode()

    # The hero's name (the row's title) links to the review screen, not the bare status form.
    assert f'<a href="{reverse("nominations:inspect", args=(nomination.pk,))}">' in listing
    assert f'<a href="{reverse("nominations:edit", args=(nomination.pk,))}">' not in listing


# The write API ----------------------------------------------------------------------------------


def api_accept(client, user, nomination_id, data=None):
    headers = {}
    if user is not None:
        _token, key = APIToken.create_token(user=user, name="mission website")
        headers["HTTP_AUTHORIZATION"] = f"Bearer {key}"
    return client.post(
        f"/api/v3/nominations/{nomination_id}/accept/",
        data=json.dumps(data) if data is not None else None,
        content_type="application/json",
        **headers,
    )


def test_the_api_accepts_for_the_heros_mission(client, kenya_focal_point, nomination):
    response = api_accept(client, kenya_focal_point, nomination.pk, {"alt_text": "Halima"})

    assert response.status_code == 201
    story = HeroStoryPage.objects.get()
    body = response.json()
    assert (body["nomination"], body["status"], body["story"]) == (
        nomination.pk,
        "accepted",
        story.pk,
    )
    assert body["admin_url"].endswith(reverse("wagtailadmin_pages:edit", args=(story.pk,)))
    assert story.photo.description == "Halima"
    assert story.current_workflow_state.requested_by == kenya_focal_point


def test_the_api_refuses_anyone_else_with_problems(client, italy_editor, mcd, kenya, nomination):
    without_photo = sent_by_the_public("KE", kenya, photo=False, hero_name="Grace Akech")

    no_token = api_accept(client, None, nomination.pk)
    other_mission = api_accept(client, italy_editor, nomination.pk)
    unknown = api_accept(client, mcd, nomination.pk + 1000)
    no_photo = api_accept(client, mcd, without_photo.pk)
    assert not HeroStoryPage.objects.exists()
    accepted = api_accept(client, mcd, nomination.pk)
    again = api_accept(client, mcd, nomination.pk)

    statuses = [
        r.status_code for r in (no_token, other_mission, unknown, no_photo, accepted, again)
    ]
    assert statuses == [401, 403, 404, 422, 201, 409]
    for problem in (no_token, other_mission, unknown, no_photo, again):
        assert problem["Content-Type"].startswith("application/problem+json")
    assert no_photo.json()["errors"][0]["loc"] == ["body", "data", "image"]
