"""Admin logins are throttled: five wrong passwords lock the username out from that address
for 15 minutes, even with the right password; a superuser sees the lock and lifts it."""

import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Permission
from django.utils import timezone

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"  # UserFactory's
LOGIN = "/admin/login/"


def log_in(client, username, password, address="203.0.113.7", **headers):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


@pytest.fixture
def editor(db):
    return UserFactory(username="kenya-editor", is_staff=True)


def test_five_wrong_passwords_are_answered_and_the_sixth_attempt_is_refused(client, editor):
    answers = [log_in(client, "kenya-editor", "wrong").status_code for _ in range(6)]

    assert answers == [200, 200, 200, 200, 429, 429]


def test_the_right_password_is_refused_during_the_lock(client, editor):
    for _ in range(5):
        log_in(client, "kenya-editor", "wrong")

    response = log_in(client, "kenya-editor", PASSWORD)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "Account locked" in response.content.decode()


def test_the_lock_is_for_that_username_from_that_address_only(client, editor):
    other = UserFactory(username="mcd-editor", is_staff=True)
    for _ in range(5):
        log_in(client, "kenya-editor", "wrong")

    from_elsewhere = log_in(client, "kenya-editor", PASSWORD, address="198.51.100.4")
    client.logout()
    someone_else = log_in(client, other.username, PASSWORD)

    assert from_elsewhere.status_code == 302
    assert someone_else.status_code == 302


def test_the_address_is_the_one_the_sites_own_proxy_saw(client, editor, settings):
    """Behind one proxy, a client writing its own X-Forwarded-For cannot escape the lock."""
    settings.TRUSTED_PROXY_COUNT = 1
    for number in range(5):
        log_in(
            client,
            "kenya-editor",
            "wrong",
            address="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{number}, 203.0.113.7",
        )

    response = log_in(
        client,
        "kenya-editor",
        PASSWORD,
        address="10.0.0.2",
        HTTP_X_FORWARDED_FOR="192.0.2.99, 203.0.113.7",
    )

    assert response.status_code == 429
    assert AccessAttempt.objects.get().ip_address == "203.0.113.7"


def test_the_lock_ends_after_fifteen_minutes(client, editor):
    for _ in range(5):
        log_in(client, "kenya-editor", "wrong")
    AccessAttempt.objects.update(attempt_time=timezone.now() - dt.timedelta(minutes=16))

    assert log_in(client, "kenya-editor", PASSWORD).status_code == 302


def test_a_superuser_sees_the_lock_and_lifts_it(client, editor):
    for _ in range(5):
        log_in(client, "kenya-editor", "wrong")
    admin = UserFactory(superuser=True)
    client.force_login(admin)

    listing = client.get("/admin/login-lockouts/")
    attempt = AccessAttempt.objects.get(username="kenya-editor")
    reset = client.post(f"/admin/login-lockouts/{attempt.pk}/reset/")
    client.logout()

    assert listing.status_code == 200
    assert "kenya-editor" in listing.content.decode()
    assert "Locked out" in listing.content.decode()
    assert reset.status_code == 302
    assert not AccessAttempt.objects.exists()
    assert log_in(client, "kenya-editor", PASSWORD).status_code == 302


def test_only_superusers_see_the_lockouts(client, editor):
    editor.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(editor)

    response = client.get("/admin/login-lockouts/")
    dashboard = client.get("/admin/")

    assert response.status_code == 302  # Wagtail's "no permission" redirect
    assert dashboard.status_code == 200
    assert "Login lockouts" not in dashboard.content.decode()
