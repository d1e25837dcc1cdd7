# ruff: noqa: F811  (pytest fixtures imported from the moderation tests)
"""Personal data: MCD exports or erases what is held about an address; nothing is kept longer
than needed; each request is logged without the address."""

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry
from wagtail.search.models import IndexEntry

from cms.core.mail import queue_mail
from cms.core.models import PersonalDataRequest
from heroes import personal_data
from heroes.models import HeroStoryPage, Multiplier, Nomination, NominationStatus
from heroes.personal_data import normalise
from heroes.services import review
from tests.moderation.conftest import (  # noqa: F401
    italy,
    kenya,
    kenya_editor,
    kenya_focal_point,
    mcd,
)

pytestmark = pytest.mark.django_db

EMAIL = "Joseph@Example.org"
PHONE = "+254 711 000 000"
NAME = "Joseph Otieno"
QUEUED_MAIL = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "mail": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["mail"]},
}


def jpeg():
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), (200, 120, 40)).save(buffer, format="JPEG")
    return ContentFile(buffer.getvalue(), name="hero.jpg")


def nominated_by(email=EMAIL, *, mission=None, photo=True, **fields):
    """A nomination sent by the public; someone else's (another address) has other contacts."""
    ours = normalise(email) == normalise(EMAIL)
    nomination = Nomination(
        **{
            "hero_name": "Halima Hassan",
            "country": "KE",
            "country_of_origin": "SO",
            "story": "Halima teaches forty children to read every evening in Eastleigh.",
            "photo_consent": True,
            "nominator_name": NAME if ours else "Grace Wanjiku",
            "nominator_email": email,
            "nominator_phone": PHONE if ours else "+254 722 999 999",
            "relationship": "Neighbour",
            "agrees_to_be_credited": True,
            "mission": mission,
            **fields,
        }
    )
    if photo:
        nomination.photo = jpeg()
    nomination.save()
    return nomination


def multiplier_of(mission, email=EMAIL):
    ours = normalise(email) == normalise(EMAIL)
    return Multiplier.objects.create(
        mission=mission,
        name=NAME if ours else "Peter Kamau",
        kind="journalist",
        organisation="Daily Nation",
        email=email,
        phone=PHONE if ours else "+254 733 111 111",
    )


def database_dump():
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    return out.getvalue().lower()


def traces(dump):
    """The records of a dump that hold the address, the phone number or the name."""
    return [
        line
        for line in dump.replace("}, {", "}\n{").splitlines()
        if any(value.lower() in line for value in (EMAIL, PHONE, NAME))
    ]


def queued_acknowledgement(django_capture_on_commit_callbacks, email=EMAIL):
    """A message to the address waiting in the database mail queue (the server is down)."""
    with override_settings(TASKS=QUEUED_MAIL), django_capture_on_commit_callbacks(execute=True):
        queue_mail(subject="Thank you", body=f"Dear {NAME},", to=[email])


def decided(nomination, *, status, days_ago):
    Nomination.objects.filter(pk=nomination.pk).update(
        status=status, reviewed_at=timezone.now() - dt.timedelta(days=days_ago)
    )


# Export --------------------------------------------------------------------------------------


def test_an_export_finds_every_row_held_about_an_address_across_kinds(
    kenya, django_capture_on_commit_callbacks
):
    first = nominated_by(EMAIL, mission=kenya)
    second = nominated_by(EMAIL.upper(), mission=kenya, hero_name="Amina Yusuf")
    multiplier = multiplier_of(kenya)
    queued_acknowledgement(django_capture_on_commit_callbacks)
    nominated_by("someone.else@example.org", mission=kenya)
    multiplier_of(kenya, email="someone.else@example.org")

    export = personal_data.export(EMAIL)

    records = export["records"]
    assert {(record["kind"], record["pk"]) for record in records if record["kind"] != "mail"} == {
        ("nomination", first.pk),
        ("nomination", second.pk),
        ("multiplier", multiplier.pk),
    }
    (message,) = [record for record in records if record["kind"] == "mail"]
    assert message["fields"]["args_kwargs"]["args"][0]["to"] == [EMAIL]
    nomination = next(record["fields"] for record in records if record["pk"] == first.pk)
    assert set(nomination) == {field.name for field in Nomination._meta.concrete_fields} - {"id"}
    assert nomination["nominator_phone"] == PHONE
    assert nomination["photo"] == first.photo.name
    assert json.dumps(export, cls=DjangoJSONEncoder)  # ready for JSON as it is


# Erasure -------------------------------------------------------------------------------------


def test_an_erasure_leaves_no_trace_in_a_database_dump_nor_the_private_media(
    kenya, django_capture_on_commit_callbacks
):
    nomination = nominated_by(EMAIL, mission=kenya)
    photo = Path(nomination.photo.path)
    multiplier = multiplier_of(kenya)
    queued_acknowledgement(django_capture_on_commit_callbacks)
    kept = nominated_by("someone.else@example.org", mission=kenya, hero_name="Amina Yusuf")
    assert photo.exists()
    assert IndexEntry.objects.filter(object_id=str(multiplier.pk)).exists()
    assert traces(database_dump()) != []

    with django_capture_on_commit_callbacks(execute=True):
        counts = personal_data.erase(EMAIL.lower())

    assert counts["nomination"] == 1 and counts["multiplier"] == 1 and counts["mail"] == 1
    assert traces(database_dump()) == []
    assert not photo.exists()
    assert not IndexEntry.objects.filter(object_id=str(multiplier.pk)).exists()
    assert list(Nomination.objects.all()) == [kept]
    assert Path(kept.photo.path).exists()


def test_an_erasure_removes_the_image_made_from_a_nomination_and_its_draft_when_nothing_published_shows_it(  # noqa: E501
    kenya, kenya_editor, django_capture_on_commit_callbacks
):
    nomination = nominated_by(EMAIL, mission=kenya)
    with django_capture_on_commit_callbacks(execute=True):
        story = review.accept_nomination(user=kenya_editor, nomination=nomination)
    image = story.photo
    rendition = image.get_rendition("fill-200x200")
    files = [Path(image.file.path), Path(rendition.file.path)]
    assert all(file.exists() for file in files)

    with django_capture_on_commit_callbacks(execute=True):
        personal_data.erase(EMAIL)

    assert not get_image_model().objects.filter(pk=image.pk).exists()
    assert not image.renditions.exists()
    assert not any(file.exists() for file in files)
    assert not HeroStoryPage.objects.filter(pk=story.pk).exists()
    assert not Nomination.objects.exists()
    assert traces(database_dump()) == []


def test_an_erasure_keeps_a_published_storys_image_but_removes_the_nominator_from_the_nomination(
    kenya, kenya_editor, django_capture_on_commit_callbacks
):
    nomination = nominated_by(EMAIL, mission=kenya)
    with django_capture_on_commit_callbacks(execute=True):
        story = review.accept_nomination(user=kenya_editor, nomination=nomination)
    story = HeroStoryPage.objects.get(pk=story.pk)
    story.headline = "The teacher of Eastleigh"
    story.intro = "Halima teaches forty children to read."
    story.save_revision().publish()
    assert HeroStoryPage.objects.get(pk=story.pk).nominator_name == NAME
    image = story.photo
    rendition = image.get_rendition("fill-200x200")

    with django_capture_on_commit_callbacks(execute=True):
        personal_data.erase(EMAIL)

    assert get_image_model().objects.filter(pk=image.pk).exists()
    assert Path(rendition.file.path).exists()
    nomination.refresh_from_db()
    assert (nomination.nominator_name, nomination.nominator_email) == ("", "")
    assert (nomination.nominator_phone, nomination.relationship) == ("", "")
    assert nomination.hero_story_id == story.pk and nomination.hero_name == "Halima Hassan"
    story = HeroStoryPage.objects.get(pk=story.pk)
    assert story.live and story.nominator_name == "" and not story.nominator_agreed_to_credit
    assert traces(database_dump()) == []  # nor in the story's revisions


def test_an_erasure_makes_every_cached_public_response_stale(
    client, home_page, kenya, django_capture_on_commit_callbacks
):
    nominated_by(EMAIL, mission=kenya)
    client.get(home_page.url)
    assert client.get(home_page.url)["X-Cache"] == "HIT"

    with django_capture_on_commit_callbacks(execute=True):
        personal_data.erase(EMAIL)

    assert client.get(home_page.url)["X-Cache"] == "MISS"


# Retention -----------------------------------------------------------------------------------


def test_retention_erases_declined_nominations_past_the_limit_and_nothing_else(
    kenya, settings, django_capture_on_commit_callbacks
):
    settings.NOMINATION_RETENTION_DAYS = 90
    expired = nominated_by("old@example.org", mission=kenya)
    decided(expired, status=NominationStatus.DECLINED, days_ago=91)
    within = nominated_by("recent@example.org", mission=kenya)
    decided(within, status=NominationStatus.DECLINED, days_ago=89)
    accepted = nominated_by("accepted@example.org", mission=kenya)
    decided(accepted, status=NominationStatus.ACCEPTED, days_ago=400)
    waiting = nominated_by("waiting@example.org", mission=kenya)
    photo = Path(expired.photo.path)

    dry_run = io.StringIO()
    call_command("apply_retention", "--dry-run", stdout=dry_run)
    assert "nomination: 1 would be erased" in dry_run.getvalue()
    assert Nomination.objects.count() == 4

    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("apply_retention", stdout=out)

    assert "nomination: 1 erased" in out.getvalue()
    assert set(Nomination.objects.all()) == {within, accepted, waiting}
    assert not photo.exists()
    assert "old@example.org" not in database_dump()
    again = io.StringIO()
    call_command("apply_retention", stdout=again)
    assert "nomination: 0 erased" in again.getvalue()


def test_retention_lets_go_of_sent_messages_after_their_time(
    settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.MAIL_RETENTION_DAYS = 30
    queued_acknowledgement(django_capture_on_commit_callbacks, email="old@example.org")
    queued_acknowledgement(django_capture_on_commit_callbacks, email="recent@example.org")
    queued_acknowledgement(django_capture_on_commit_callbacks, email="waiting@example.org")
    old, recent, waiting = DBTaskResult.objects.order_by("enqueued_at")
    DBTaskResult.objects.filter(pk=old.pk).update(
        status="SUCCESSFUL", finished_at=timezone.now() - dt.timedelta(days=31)
    )
    DBTaskResult.objects.filter(pk=recent.pk).update(
        status="SUCCESSFUL", finished_at=timezone.now() - dt.timedelta(days=29)
    )

    assert personal_data.apply_retention()["mail"] == 1

    assert set(DBTaskResult.objects.all()) == {recent, waiting}


# The log -------------------------------------------------------------------------------------


def test_the_command_exports_and_erases_and_logs_both_without_the_address(kenya):
    nominated_by(EMAIL, mission=kenya)
    multiplier_of(kenya)

    exported = io.StringIO()
    call_command("personal_data", "export", EMAIL, stdout=exported)
    erased = io.StringIO()
    call_command("personal_data", "erase", EMAIL, stdout=erased)

    assert {record["kind"] for record in json.loads(exported.getvalue())["records"]} == {
        "nomination",
        "multiplier",
    }
    assert "nomination: 1 erased" in erased.getvalue()
    assert "multiplier: 1 erased" in erased.getvalue()
    key = personal_data.subject_key(EMAIL)
    assert key == personal_data.subject_key(" joseph@example.ORG ")
    entries = ModelLogEntry.objects.filter(action__startswith="heroes.personal_data_")
    assert [(entry.action, entry.data["subject"]) for entry in entries.order_by("pk")] == [
        (personal_data.EXPORTED, key),
        (personal_data.ERASED, key),
    ]
    assert entries.get(action=personal_data.ERASED).data["counts"]["multiplier"] == 1
    assert entries.filter(user=None).count() == 2
    assert all(
        EMAIL.lower() not in f"{entry.label} {json.dumps(entry.data)}".lower() for entry in entries
    )
    assert not Nomination.objects.exists() and not Multiplier.objects.exists()


# The admin -----------------------------------------------------------------------------------

URL = "/admin/personal-data/"


def test_mcd_downloads_the_export_as_json_and_it_is_logged_without_the_address(client, kenya, mcd):
    nominated_by(EMAIL, mission=kenya)
    client.force_login(mcd)

    response = client.post(URL, {"email": EMAIL, "action": "export"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="personal-data-')
    assert EMAIL.lower() not in response["Content-Disposition"].lower()
    (record,) = json.loads(response.content)["records"]
    assert record["kind"] == "nomination" and record["fields"]["nominator_email"] == EMAIL
    entry = ModelLogEntry.objects.get(action=personal_data.EXPORTED)
    assert entry.user == mcd and entry.data["subject"] == personal_data.subject_key(EMAIL)
    assert EMAIL.lower() not in entry.label.lower()


def test_mcd_erases_only_after_confirming(client, kenya, mcd, django_capture_on_commit_callbacks):
    nominated_by(EMAIL, mission=kenya)
    multiplier_of(kenya)
    client.force_login(mcd)

    confirm = client.post(URL, {"email": EMAIL, "action": "erase"})

    assert confirm.status_code == 200
    assert b"Public nominations: 1" in confirm.content
    assert b"Multipliers: 1" in confirm.content
    assert Nomination.objects.exists()
    assert not PersonalDataRequest.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, {"email": EMAIL, "action": "erase", "confirm": "yes"})

    assert response.status_code == 302 and response["Location"] == URL
    assert not Nomination.objects.exists() and not Multiplier.objects.exists()
    entry = ModelLogEntry.objects.get(action=personal_data.ERASED)
    assert entry.user == mcd and entry.data["subject"] == personal_data.subject_key(EMAIL)
    assert traces(database_dump()) == []
    page = client.get(URL)
    assert personal_data.subject_key(EMAIL)[:12].encode() in page.content


@pytest.mark.parametrize("who", ["kenya_editor", "kenya_focal_point"])
def test_only_mcd_may_use_the_personal_data_page(request, client, kenya, who):
    nominated_by(EMAIL, mission=kenya)
    client.force_login(request.getfixturevalue(who))

    for response in (
        client.get(URL),
        client.post(URL, {"email": EMAIL, "action": "export"}),
        client.post(URL, {"email": EMAIL, "action": "erase", "confirm": "yes"}),
    ):
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
    assert Nomination.objects.filter(nominator_email=EMAIL).exists()
    assert not PersonalDataRequest.objects.exists()


def test_anonymous_visitors_are_sent_to_the_admin_login(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == f"/admin/login/?next={URL}"


def test_the_menu_item_is_mcds_alone(client, kenya, mcd, kenya_editor):
    client.force_login(mcd)
    assert URL.encode() in client.get("/admin/").content
    client.force_login(kenya_editor)
    assert URL.encode() not in client.get("/admin/").content
