"""Mail goes through the task queue: a mail server outage loses nothing and fails no request."""

import socket

import pytest
from django.core import mail
from django.test import override_settings

from cms.core.mail import queue_mail
from tests.tasks import run_tasks

pytestmark = pytest.mark.django_db


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


QUEUED = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "mail": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["mail"]},
}


def test_a_message_is_sent_once_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        queue_mail(subject="Hello", body="Body", to=["a@example.org"])
        assert mail.outbox == []  # nothing leaves before the data it speaks of is stored

    for callback in callbacks:
        callback()
    (message,) = mail.outbox
    assert message.to == ["a@example.org"]


def test_a_subject_with_line_breaks_is_folded_not_refused(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        queue_mail(subject="Hero\r\nBcc: victim@example.org", body="Body", to=["a@example.org"])

    (message,) = mail.outbox
    assert message.subject == "Hero Bcc: victim@example.org"
    assert message.bcc == []
    assert "victim@example.org" not in message.message()["To"]


def test_with_the_mail_server_down_nothing_is_lost_and_it_is_sent_when_it_is_back(
    django_capture_on_commit_callbacks,
):
    smtp_down = override_settings(
        TASKS=QUEUED,
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=closed_port(),
        MAIL_RETRY_BASE_SECONDS=0,
    )
    with smtp_down:
        with django_capture_on_commit_callbacks(execute=True):
            queue_mail(subject="Thank you", body="Body", to=["nominator@example.org"])
        run_tasks(backend_name="mail", queue_name="mail", rounds=3)  # three failed attempts

    with override_settings(TASKS=QUEUED, MAIL_RETRY_BASE_SECONDS=0):  # the server is back
        run_tasks(backend_name="mail", queue_name="mail")

    (message,) = mail.outbox
    assert message.subject == "Thank you"
    assert message.to == ["nominator@example.org"]
