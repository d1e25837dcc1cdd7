# ruff: noqa: F811  (pytest fixtures imported from the moderation tests)
"""Partners propose their events for the calendar: kept private, reviewed by the mission of
the event's country and MCD, published only as an endorsed event, never with the organiser."""

import datetime as dt
import json
import zoneinfo

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from heroes import personal_data
from heroes.models import EventKind, EventPage, EventProposal, EventProposalStatus
from heroes.services import event_proposals as services_events
from tests.factories import CalendarPageFactory, MissionHubPageFactory

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
API = "/api/v3/events/proposals/"
TITLE = "Eastleigh Festival of Many Tongues"
ORGANISER = {"organiser_name": "Wanjiru Kamau", "organiser_email": "wanjiru@festival.example.org"}
NAIROBI = zoneinfo.ZoneInfo("Africa/Nairobi")
DAY = timezone.localdate() + dt.timedelta(days=40)


def proposal_data(**overrides):
    return {
        "title": TITLE,
        "kind": EventKind.FESTIVAL,
        "start": f"{DAY:%Y-%m-%d}T18:00",
        "end": f"{DAY:%Y-%m-%d}T23:00",
        "time_zone": "Africa/Nairobi",
        "location": "Eastleigh Community Hall, Nairobi",
        "country": "KE",
        "description": "Songs and stories from the 40 languages spoken in Eastleigh.",
        "link": "https://festival.example.org/",
        **ORGANISER,
        "website": "",
        **overrides,
    }


def post_json(client, data, **extra):
    return client.post(API, json.dumps(data), content_type="application/json", **extra)


@pytest.fixture
def calendar(home_page):
    return CalendarPageFactory(parent=home_page, slug="calendar")


def received(client, **overrides):
    response = post_json(client, proposal_data(**overrides))
    assert response.status_code == 202, response.content
    return EventProposal.objects.latest("pk")


def test_a_partner_proposes_an_event_on_the_site_of_any_language_and_its_reviewers_are_told(
    client,
    calendar,
    kenya,
    kenya_focal_point,
    italy_focal_point,
    mcd,
    django_capture_on_commit_callbacks,
):
    form_url = reverse("propose_event")
    assert form_url in client.get(calendar.url).content.decode(), "linked from the calendar"
    for language in ("fr", "ar"):
        with_language = client.get(f"/{language}/events/propose/")
        assert with_language.status_code == 200
        assert f'lang="{language}"' in with_language.content.decode()

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(form_url, proposal_data())

    assert response.status_code == 302 and response["Location"].endswith("?sent=1")
    proposal = EventProposal.objects.get()
    assert (proposal.mission, proposal.status) == (kenya, EventProposalStatus.NEW)
    assert proposal.start == dt.datetime.combine(DAY, dt.time(18), tzinfo=NAIROBI)
    to = {address: message for message in mail.outbox for address in message.to}
    assert ORGANISER["organiser_email"] in to, "an acknowledgement"
    assert {kenya_focal_point.email, mcd.email} <= set(to)
    assert italy_focal_point.email not in to
    assert reverse("event_proposals:inspect", args=(proposal.pk,)) in to[mcd.email].body
    assert ORGANISER["organiser_email"] not in to[mcd.email].body


def test_bad_fields_are_reported_field_by_field_on_the_site_and_in_the_api(client):
    bad = {"title": "", "end": f"{DAY:%Y-%m-%d}T17:00", "time_zone": "Mars/Olympus"}

    page = client.post(reverse("propose_event"), proposal_data(**bad))
    problem = post_json(client, proposal_data(**bad, start="tomorrow-ish"))
    over = post_json(client, proposal_data(start="2020-01-01T10:00", end="2020-01-01T12:00"))

    assert page.status_code == 200
    assert set(page.context["form"].errors) == {"title", "time_zone"}
    assert problem.status_code == 422
    assert problem["Content-Type"] == "application/problem+json"
    fields = {error["loc"][-1] for error in problem.json()["errors"]}
    assert {"title", "start", "time_zone"} <= fields
    assert [e["loc"][-1] for e in over.json()["errors"]] == ["end"], "already over"
    as_form = client.post(API, proposal_data(), content_type="application/x-www-form-urlencoded")
    assert as_form.status_code == 415
    assert not EventProposal.objects.exists()


def test_an_end_before_the_start_and_an_all_day_event(client):
    refused = post_json(client, proposal_data(end=f"{DAY:%Y-%m-%d}T17:00"))
    assert [e["loc"][-1] for e in refused.json()["errors"]] == ["end"]

    proposal = received(client, all_day=True, start=f"{DAY:%Y-%m-%d}", end=f"{DAY:%Y-%m-%d}")

    assert proposal.start == dt.datetime.combine(DAY, dt.time.min, tzinfo=NAIROBI)
    assert proposal.end == proposal.start + dt.timedelta(days=1)


def test_a_bot_filling_the_trap_is_thanked_and_nothing_is_kept(client):
    mail.outbox.clear()
    trapped = {"website": "https://cheap-pills.example"}

    from_the_site = client.post(reverse("propose_event"), proposal_data(**trapped))
    from_the_api = post_json(client, proposal_data(**trapped))

    assert from_the_site.status_code == 302 and from_the_site["Location"].endswith("?sent=1")
    assert (from_the_api.status_code, from_the_api.json()) == (202, {"status": "received"})
    assert not EventProposal.objects.exists()
    assert not mail.outbox


def test_the_site_and_the_api_share_one_hourly_budget_then_429_with_retry_after(client, settings):
    settings.EVENT_PROPOSALS_PER_HOUR = 2
    assert client.post(reverse("propose_event"), proposal_data()).status_code == 302
    assert post_json(client, proposal_data(title="Another")).status_code == 202

    from_the_api = post_json(client, proposal_data(title="A third"))
    from_the_site = client.post(reverse("propose_event"), proposal_data(title="A fourth"))

    assert from_the_api.status_code == 429
    assert from_the_api["Content-Type"] == "application/problem+json"
    assert 0 < int(from_the_api["Retry-After"]) <= 3600
    assert from_the_site.status_code == 429
    assert 0 < int(from_the_site["Retry-After"]) <= 3600
    assert EventProposal.objects.count() == 2
    other_client = post_json(client, proposal_data(title="Elsewhere"), REMOTE_ADDR="203.0.113.9")
    assert other_client.status_code == 202


def test_the_missions_editor_accepts_it_into_a_draft_event_in_its_hub_without_the_organiser(
    client, kenya, kenya_editor, italy_editor
):
    proposal = received(client)
    inspect = reverse("event_proposals:inspect", args=(proposal.pk,))
    accept = reverse("event_proposals:accept", args=(proposal.pk,))

    client.force_login(italy_editor)
    assert TITLE not in client.get(reverse("event_proposals:index")).content.decode()
    assert client.get(inspect).status_code == 404
    assert client.post(accept).status_code == 404
    client.force_login(kenya_editor)
    review = client.get(inspect).content.decode()
    assert ORGANISER["organiser_email"] in review, "the reviewers may contact the organiser"

    response = client.post(accept)

    event = EventPage.objects.get()
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=(event.pk,))
    assert event.get_parent().specific == kenya.hubs.get()
    assert not event.live
    assert (event.title, event.kind, event.time_zone, event.country.code) == (
        TITLE,
        EventKind.FESTIVAL,
        "Africa/Nairobi",
        "KE",
    )
    assert (event.start, event.end) == (proposal.start, proposal.end)
    assert event.location == proposal.location and event.intro == proposal.description
    assert event.registration_url == proposal.link
    saved = json.dumps(event.latest_revision.content) + json.dumps(
        {k: str(v) for k, v in EventPage.objects.filter(pk=event.pk).values().get().items()}
    )
    assert ORGANISER["organiser_name"] not in saved
    assert ORGANISER["organiser_email"] not in saved
    proposal.refresh_from_db()
    assert (proposal.status, proposal.event, proposal.reviewed_by) == (
        EventProposalStatus.ACCEPTED,
        event,
        kenya_editor,
    )
    assert client.post(accept).status_code == 302 and EventPage.objects.count() == 1


def test_a_country_without_a_mission_is_for_mcd_to_accept_into_headquarters_hub(
    client, mission_index, kenya, kenya_editor, mcd
):
    headquarters = MissionHubPageFactory(parent=mission_index, headquarters=True)
    proposal = received(client, country="FR", time_zone="Europe/Paris")
    assert proposal.mission is None

    with pytest.raises(PermissionDenied):
        services_events.accept_event_proposal(user=kenya_editor, proposal=proposal)
    event = services_events.accept_event_proposal(user=mcd, proposal=proposal)

    assert event.get_parent().pk == headquarters.pk


def test_without_a_hub_to_draft_it_in_the_proposal_is_refused_in_words_about_it(
    client, mission_index, kenya, mcd
):
    proposal = received(client, country="FR", time_zone="Europe/Paris")  # no mission, no HQ

    with pytest.raises(ValidationError) as refused:
        services_events.accept_event_proposal(user=mcd, proposal=proposal)

    [message] = refused.value.messages
    assert "mission hub" in message and "story" not in message
    assert EventPage.objects.count() == 0


def test_nothing_of_a_proposal_is_public_before_its_event_is_endorsed_nor_the_organiser_after(
    client, calendar, kenya, kenya_editor, kenya_focal_point, mcd
):
    proposal = received(client)
    event = services_events.accept_event_proposal(user=kenya_editor, proposal=proposal)
    hub = kenya.hubs.get()
    month = f"{DAY:%Y-%m}"
    public = {
        "calendar page": f"{calendar.url}?month={month}&view=list",
        "calendar api": f"/api/v3/calendar/?start={DAY}&end={DAY}",
        "pages api": "/api/v3/pages/?type=heroes.EventPage",
        "iCal": "/en/calendar.ics",
        "mission iCal": f"/en/feeds/missions/{hub.slug}/calendar.ics",
        "RSS": "/en/feeds/stories.rss",
        "search": "/api/v3/search/?q=Festival+Tongues",
        "hub": hub.url,
    }

    def shown():
        client.logout()
        return {name: client.get(address).content.decode() for name, address in public.items()}

    assert not [name for name, content in shown().items() if "Many Tongues" in content]

    event.get_workflow().start(event, kenya_editor)
    for reviewer in (kenya_focal_point, mcd):
        state = WorkflowState.objects.get(object_id=str(event.pk), status="in_progress")
        state.current_task_state.task.specific.on_action(
            state.current_task_state, reviewer, "approve"
        )
    event.refresh_from_db()
    assert event.live

    after = shown()
    after["event page"] = client.get(event.url).content.decode()
    after["event api"] = client.get(f"/api/v3/pages/{event.pk}/").content.decode()
    assert {name for name, content in after.items() if "Many Tongues" in content} >= {
        "calendar page",
        "calendar api",
        "iCal",
        "mission iCal",
        "event page",
        "event api",
    }
    for name, content in after.items():
        assert ORGANISER["organiser_name"] not in content, name
        assert ORGANISER["organiser_email"] not in content, name


def test_declining_needs_a_reason_kept_for_reviewers_and_closes_the_proposal(
    client, kenya, kenya_editor
):
    proposal = received(client)
    decline = reverse("event_proposals:decline", args=(proposal.pk,))
    client.force_login(kenya_editor)

    client.post(decline, {"reason": " "})
    proposal.refresh_from_db()
    assert proposal.status == EventProposalStatus.NEW
    client.post(decline, {"reason": "A commercial fair, not a migrants' event."})

    proposal.refresh_from_db()
    assert proposal.status == EventProposalStatus.DECLINED
    assert proposal.review_note == "A commercial fair, not a migrants' event."
    with pytest.raises(ValidationError):
        services_events.accept_event_proposal(user=kenya_editor, proposal=proposal)


def test_the_organisers_contact_is_personal_data_exported_and_erased(client):
    proposal = received(client)

    exported = personal_data.export(ORGANISER["organiser_email"].upper())
    assert ("event_proposal", proposal.pk) in {(r["kind"], r["pk"]) for r in exported["records"]}

    counts = personal_data.erase(ORGANISER["organiser_email"])
    assert counts["event_proposal"] == 1
    assert not EventProposal.objects.exists()
