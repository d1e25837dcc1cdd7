"""A public nomination sent while the mail server is down: stored once, its mail queued."""

import pytest
from django.core import mail
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from heroes.models import Nomination
from tests.core.test_mail import QUEUED, closed_port
from tests.factories import NominatePageFactory
from tests.nominations.test_nominations import form_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("channel", ["site", "api"])
def test_a_nomination_sent_while_the_mail_server_is_down_is_stored_once_and_its_mail_queued(
    client, home_page, kenya, kenya_focal_point, mcd, channel, django_capture_on_commit_callbacks
):
    page = NominatePageFactory(parent=home_page)
    url = page.url if channel == "site" else "/api/v3/nominations/"
    smtp_down = override_settings(
        TASKS=QUEUED,
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=closed_port(),
    )

    with smtp_down, django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, form_data())

    assert 200 <= response.status_code < 400
    assert Nomination.objects.count() == 1
    assert mail.outbox == []
    queued = DBTaskResult.objects.filter(backend_name="mail", status="READY")
    recipients = [result.args_kwargs["args"][0]["to"] for result in queued]
    assert ["joseph@example.org"] in recipients  # the acknowledgement, sent when it is back
    assert len(recipients) == 2  # and the reviewers' notice
