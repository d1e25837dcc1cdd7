"""Voting rounds in the admin: MCD's alone, with the live counts while the vote is open."""

import pytest
from django.contrib.auth.models import Permission
from django.test import TestCase

from heroes import voting
from heroes.setup_roles import ensure_mcd_group
from tests.factories import UserFactory
from tests.voting.conftest import confirmation_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def mcd_user():
    user = UserFactory()
    user.groups.add(ensure_mcd_group())
    return user


def test_mcd_sees_the_live_counts_of_an_open_round(client, mcd_user, voting_round, ten_stories):
    with TestCase.captureOnCommitCallbacks(execute=True):
        voting.cast_ballot(
            voting_round=voting_round,
            story_ids=[ten_stories[0].pk],
            email="v@example.org",
            client="c",
            language="en",
        )
    voting.confirm_ballot(token=confirmation_token(), voting_round=voting_round)
    client.force_login(mcd_user)

    page = client.get(f"/admin/voting_rounds/inspect/{voting_round.pk}/")

    assert page.status_code == 200
    assert "Confirmed ballots: 1." in page.text


def test_an_admin_user_outside_mcd_cannot_open_the_rounds(client, voting_round):
    editor = UserFactory()
    editor.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(editor)

    response = client.get(f"/admin/voting_rounds/inspect/{voting_round.pk}/")

    assert response.status_code in (302, 403)
