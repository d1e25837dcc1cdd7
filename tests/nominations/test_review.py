"""Reviewing a public nomination: the service's rule, whichever view calls it."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from heroes.models import Nomination, NominationStatus
from heroes.services.review import review_nomination

pytestmark = pytest.mark.django_db


def sent_by_the_public(country, mission=None):
    return Nomination.objects.create(
        hero_name="Halima Hassan",
        country=country,
        story="Halima teaches forty children to read every evening.",
        nominator_name="Joseph Otieno",
        nominator_email="joseph@example.org",
        mission=mission,
    )


def review(user, nomination, status=NominationStatus.ACCEPTED, note="We will interview her."):
    return review_nomination(user=user, nomination=nomination, status=status, note=note)


@pytest.mark.parametrize("reviewer", ["kenya_editor", "kenya_focal_point", "mcd"])
def test_the_heros_mission_and_mcd_record_their_decision(request, kenya, reviewer):
    user = request.getfixturevalue(reviewer)
    nomination = sent_by_the_public("KE", kenya)

    review(user, nomination)

    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.ACCEPTED
    assert nomination.review_note == "We will interview her."
    assert nomination.reviewed_by == user
    assert nomination.reviewed_at is not None


def test_another_mission_cannot_review_it(kenya, italy_editor):
    nomination = sent_by_the_public("KE", kenya)

    with pytest.raises(PermissionDenied):
        review(italy_editor, nomination)

    nomination.refresh_from_db()
    assert (nomination.status, nomination.reviewed_by) == (NominationStatus.NEW, None)


def test_a_nomination_from_a_country_without_a_mission_is_mcds_alone(mcd, kenya_editor):
    nomination = sent_by_the_public("BR")

    with pytest.raises(PermissionDenied):
        review(kenya_editor, nomination, status=NominationStatus.DECLINED)
    review(mcd, nomination, status=NominationStatus.DECLINED)

    nomination.refresh_from_db()
    assert (nomination.status, nomination.reviewed_by) == (NominationStatus.DECLINED, mcd)


def test_a_status_that_is_not_one_is_refused(kenya, kenya_editor):
    nomination = sent_by_the_public("KE", kenya)

    with pytest.raises(ValidationError) as error:
        review(kenya_editor, nomination, status="published")

    assert "status" in error.value.message_dict
    assert Nomination.objects.get().status == NominationStatus.NEW
