"""`python manage.py setup_mission` opens a country office's room, once, and refuses bad input."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import CommandError, call_command
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PageLogEntry,
    WorkflowPage,
)

from heroes import setup_roles
from heroes.models import Mission, MissionHubPage
from heroes.services import missions

pytestmark = pytest.mark.django_db
KENYA = ["--country", "KE", "--name", "Kenya", "--focal-point-email", "wanjiru@kenya.example.org"]


def setup_mission(*args):
    call_command("setup_mission", *args, stdout=open("/dev/null", "w"))  # noqa: SIM115


def state():
    """Everything setup_mission may write, counted."""
    return {
        "missions": Mission.objects.count(),
        "pages": Page.objects.count(),
        "groups": Group.objects.count(),
        "collections": Collection.objects.count(),
        "page_permissions": GroupPagePermission.objects.count(),
        "collection_permissions": GroupCollectionPermission.objects.count(),
        "workflow_pages": WorkflowPage.objects.count(),
        "users": get_user_model().objects.count(),
        "emails": len(mail.outbox),
        "log_entries": PageLogEntry.objects.count(),
    }


def test_setup_mission_opens_the_missions_room(mission_index):
    setup_mission(*KENYA)

    mission = Mission.objects.get(country="KE")
    hub = MissionHubPage.objects.get(country="KE")
    assert hub.live and hub.get_parent().pk == mission_index.pk
    assert mission.collection.name == "Kenya"
    assert mission.editors_group.name == "Mission editors — Kenya"
    assert mission.focal_point_group.name == "Mission focal point — Kenya"
    assert WorkflowPage.objects.get(page=hub).workflow.name == setup_roles.MISSION_WORKFLOW
    for group in (mission.editors_group, mission.focal_point_group):
        codenames = set(
            GroupPagePermission.objects.filter(group=group, page=hub).values_list(
                "permission__codename", flat=True
            )
        )
        assert codenames == {"add_page", "change_page", "lock_page", "unlock_page"}
        assert not GroupPagePermission.objects.filter(group=group).exclude(page=hub).exists()
        assert set(
            GroupCollectionPermission.objects.filter(group=group).values_list(
                "collection", flat=True
            )
        ) == {mission.collection.pk}
    assert PageLogEntry.objects.filter(page=hub, action="heroes.mission_set_up").exists()


def test_the_focal_point_is_invited_and_opens_their_account_with_the_link(
    client, mission_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # mail leaves once it is stored
        setup_mission(*KENYA)

    focal_point = get_user_model().objects.get(email="wanjiru@kenya.example.org")
    assert not focal_point.is_active
    assert not focal_point.has_usable_password()
    assert list(focal_point.groups.all()) == [Mission.objects.get().focal_point_group]
    (invitation,) = mail.outbox
    assert invitation.to == ["wanjiru@kenya.example.org"]
    link = re.search(r"http://testserver(/admin/invitations/\S+/)", invitation.body).group(1)

    response = client.get(link, follow=True)  # Django swaps the token for a session
    form_url = response.redirect_chain[-1][0]
    password = "a long campaign password 2026"
    client.post(form_url, {"new_password1": password, "new_password2": password})

    focal_point.refresh_from_db()
    assert focal_point.is_active
    assert client.login(username=focal_point.username, password=password)


def test_the_service_sends_no_invitation_when_told_not_to(mission_index):
    """The demo loader's way: the room is opened, the focal point's account waits, no email."""
    setup = missions.setup_mission(
        country="KE", name="Kenya", focal_point_email="wanjiru@kenya.example.org", invite=False
    )

    focal_point = get_user_model().objects.get(email="wanjiru@kenya.example.org")
    assert setup.created and setup.invited is None
    assert not focal_point.is_active
    assert list(focal_point.groups.all()) == [setup.mission.focal_point_group]
    assert mail.outbox == []


def test_setup_mission_is_idempotent(mission_index):
    setup_mission(*KENYA)
    before = state()

    setup_mission(*KENYA)

    assert state() == before


def test_setup_mission_adopts_an_existing_hub_and_an_existing_user(mission_hub, mission_index):
    existing = get_user_model().objects.create_user(
        username="wanjiru", email="Wanjiru@Kenya.example.org", password="x" * 20
    )

    setup_mission(*KENYA)

    assert MissionHubPage.objects.filter(country="KE").count() == 1
    assert Mission.objects.get().focal_point_group in existing.groups.all()
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--country", "XX"], "not an ISO 3166 country code"),
        (["--country", "Kenya"], "not an ISO 3166 country code"),
        (["--name", " "], "Give the mission a name"),
        (["--focal-point-email", "not-an-email"], "is not an email address"),
    ],
)
def test_bad_input_gives_a_clear_error_and_changes_nothing(mission_index, args, message):
    arguments = dict(zip(KENYA[::2], KENYA[1::2], strict=True))
    arguments.update(dict(zip(args[::2], args[1::2], strict=True)))
    before = state()

    with pytest.raises(CommandError, match=message):
        setup_mission(*[part for pair in arguments.items() for part in pair])

    assert state() == before


def test_a_duplicate_country_or_name_is_refused_and_changes_nothing(mission_index):
    setup_mission(*KENYA)
    before = state()

    with pytest.raises(CommandError, match="KE already has a mission"):
        setup_mission("--country", "KE", "--name", "Kenia", "--focal-point-email", "a@example.org")
    with pytest.raises(CommandError, match="already called"):
        setup_mission("--country", "UG", "--name", "kenya", "--focal-point-email", "a@example.org")

    assert state() == before


def test_setup_mission_needs_the_missions_page(home_page):
    with pytest.raises(CommandError, match="no missions page"):
        setup_mission(*KENYA)
    assert not Mission.objects.exists()
