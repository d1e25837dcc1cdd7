"""Outgoing mail goes through the task queue: a mail server outage never fails a request.

`queue_mail()` is how every part of the platform sends mail (acknowledgements, review
notices, invitations, ballot confirmations, notices to missions). It queues the message once
the current transaction commits, on the "mail" tasks backend (settings.TASKS), and returns:
the request that stored a nomination or a ballot answers whatever the mail server does.

The `deliver_mail` task sends it with Django's email framework. A failure (the server down,
a refused connection, a timeout) is logged and the message is queued again with an
exponential back-off, up to `MAIL_MAX_ATTEMPTS`, when the backend can run tasks later (the
database backend, worked by `python manage.py db_worker --backend mail --queue-name mail`).
In-process (the "immediate" backend of the demo and the tests) a failed message is logged
and dropped after one attempt.

A subject is one line: line breaks in it (a hero's name typed with a newline) are folded into
spaces instead of raising BadHeaderError.
"""

import datetime as dt
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from cms.core.retries import backoff_seconds

logger = logging.getLogger(__name__)


def max_attempts():
    return getattr(settings, "MAIL_MAX_ATTEMPTS", 6)


def backoff(attempt):
    """Seconds before attempt number `attempt + 1`: 1 min, 2, 4 … at most 6 hours."""
    return backoff_seconds(attempt, base_seconds=getattr(settings, "MAIL_RETRY_BASE_SECONDS", 60))


def one_line(text):
    return " ".join(str(text).split())


def queue_mail(*, subject, body, to, html=None, reply_to=None):
    """Send a message in the background once the current transaction commits."""
    recipients = sorted({address for address in to if address})
    if not recipients:
        return
    message = {
        "subject": one_line(subject),
        "body": body,
        "to": recipients,
        "html": html,
        "reply_to": list(reply_to or []),
    }
    transaction.on_commit(lambda: deliver_mail.enqueue(message))


@task(backend="mail", queue_name="mail")
def deliver_mail(message, attempt=1):
    email = EmailMultiAlternatives(
        subject=message["subject"],
        body=message["body"],
        to=message["to"],
        reply_to=message.get("reply_to") or None,
    )
    if message.get("html"):
        email.attach_alternative(message["html"], "text/html")
    try:
        email.send()
    except (OSError, smtplib.SMTPException) as error:
        _retry_later(message, attempt, error)


def _retry_later(message, attempt, error):
    retry = deliver_mail
    if attempt >= max_attempts() or not retry.get_backend().supports_defer:
        logger.error(
            "Mail %r to %d recipient(s) not sent after %d attempt(s): %s",
            message["subject"],
            len(message["to"]),
            attempt,
            error,
        )
        return
    logger.warning(
        "Mail %r not sent (%s); attempt %d of %d in %d s.",
        message["subject"],
        error,
        attempt + 1,
        max_attempts(),
        backoff(attempt),
    )
    run_after = timezone.now() + dt.timedelta(seconds=backoff(attempt))
    retry.using(run_after=run_after).enqueue(message, attempt + 1)
