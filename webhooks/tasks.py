"""Deliveries, run in the background by django-tasks (the "webhooks" backend).

An attempt that fails (a network error, a timeout or a non-2xx answer) is tried again
later with exponential back-off, up to WEBHOOKS_MAX_ATTEMPTS; every attempt is logged on
the WebhookDelivery the admin shows.
"""

import datetime as dt
import json
import logging

import requests
from django.conf import settings
from django.utils import timezone
from django_tasks import task

from cms.core.retries import backoff_seconds
from webhooks import signing
from webhooks.models import WebhookDelivery

logger = logging.getLogger(__name__)


def max_attempts():
    return getattr(settings, "WEBHOOKS_MAX_ATTEMPTS", 5)


def backoff(attempts):
    """Seconds to wait before the next attempt after `attempts` failed ones."""
    return backoff_seconds(
        attempts, base_seconds=getattr(settings, "WEBHOOKS_RETRY_BASE_SECONDS", 30)
    )


def body_of(delivery):
    return json.dumps(delivery.payload, sort_keys=True, separators=(",", ":")).encode()


def attempt(delivery):
    """POST the delivery once: (status code or None, error message, empty when delivered)."""
    body = body_of(delivery)
    timestamp = str(int(timezone.now().timestamp()))
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "MigrantHeroes-Webhooks/1.0",
        signing.EVENT_HEADER: delivery.event,
        signing.DELIVERY_HEADER: str(delivery.pk),
        signing.TIMESTAMP_HEADER: timestamp,
        signing.SIGNATURE_HEADER: signing.sign(delivery.endpoint.secret, timestamp, body),
    }
    timeout = getattr(settings, "WEBHOOKS_TIMEOUT_SECONDS", 5)
    try:
        response = requests.post(delivery.endpoint.url, data=body, headers=headers, timeout=timeout)
    except requests.RequestException as error:
        return None, f"{type(error).__name__}: {error}"[:2000]
    if 200 <= response.status_code < 300:
        return response.status_code, ""
    return response.status_code, f"HTTP {response.status_code}: {response.text[:2000]}"


@task(backend="webhooks", queue_name="webhooks")
def deliver(delivery_id):
    delivery = (
        WebhookDelivery.objects.select_related("endpoint")
        .filter(pk=delivery_id, status__in=[WebhookDelivery.Status.PENDING, "retrying"])
        .first()
    )
    if delivery is None:
        return
    status_code, error = attempt(delivery)
    delivery.attempts += 1
    delivery.last_status_code = status_code
    delivery.last_error = error
    if not error:
        delivery.status = WebhookDelivery.Status.DELIVERED
        delivery.delivered_at = timezone.now()
        delivery.next_attempt_at = None
    elif delivery.attempts >= max_attempts():
        delivery.status = WebhookDelivery.Status.FAILED
        delivery.next_attempt_at = None
        logger.warning("Webhook delivery %s failed for good: %s", delivery.pk, error)
    else:
        delivery.status = WebhookDelivery.Status.RETRYING
        delivery.next_attempt_at = timezone.now() + dt.timedelta(seconds=backoff(delivery.attempts))
    delivery.save()
    if delivery.status == WebhookDelivery.Status.RETRYING:
        schedule(delivery)


def schedule(delivery):
    """Queue the delivery's next attempt (at next_attempt_at when the backend can wait)."""
    task_ = deliver
    if delivery.next_attempt_at and task_.get_backend().supports_defer:
        task_ = task_.using(run_after=delivery.next_attempt_at)
    task_.enqueue(delivery.pk)
