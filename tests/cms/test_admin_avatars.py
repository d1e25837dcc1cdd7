"""The admin shows no Gravatar: no page sends a hash of a user's email address to a third party.

Users upload their own picture in their account (Wagtail's avatar setting) instead.
"""

import hashlib

import pytest
from django.contrib.auth import get_user_model

from heroes.services import missions
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


@pytest.fixture
def superuser(db):
    return UserFactory(superuser=True, email="Admin.Person@example.org")


@pytest.fixture
def mission_editor(mission_hub):
    kenya = missions.setup_mission(
        country="KE", name="Kenya", focal_point_email="focal.point@kenya.example.org"
    ).mission
    editor = UserFactory(email="editor.kenya@example.org")
    editor.groups.add(kenya.editors_group)
    return editor


def email_hashes():
    """The MD5 of every user's email address, as Gravatar URLs carry it."""
    return {
        hashlib.md5(email.lower().encode(), usedforsecurity=False).hexdigest()
        for email in get_user_model().objects.values_list("email", flat=True)
        if email
    }


def assert_no_gravatar(html):
    assert "gravatar" not in html.lower()
    for digest in email_hashes():
        assert digest not in html


def admin_html(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


@pytest.mark.parametrize("url", ["/admin/", "/admin/users/", "/admin/account/"])
def test_the_admin_shows_a_superuser_no_gravatar(client, superuser, mission_editor, url):
    assert_no_gravatar(admin_html(client, superuser, url))


@pytest.mark.parametrize("url", ["/admin/", "/admin/account/"])
def test_the_admin_shows_a_mission_editor_no_gravatar(client, superuser, mission_editor, url):
    assert_no_gravatar(admin_html(client, mission_editor, url))


def test_a_mission_editor_cannot_open_the_users_listing(client, mission_editor):
    """So the listing's avatars are the superuser's concern only (checked above)."""
    client.force_login(mission_editor)

    response = client.get("/admin/users/")

    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_users_can_still_upload_their_own_picture(client, mission_editor):
    html = admin_html(client, mission_editor, "/admin/account/")

    assert 'type="file" name="avatar-avatar"' in html
