"""Webhooks: signed JSON events, delivered in the background, retried, never in the way."""

import json

import pytest
from django.test import override_settings

from tests.tasks import run_tasks
from webhooks import signing
from webhooks.models import WebhookDelivery, WebhookEndpoint

pytestmark = pytest.mark.django_db

# Deliveries go to the database backend (as in production) and are run by its worker here;
# no back-off wait, so retries run in the same worker batch.
FAST_RETRIES = override_settings(WEBHOOKS_RETRY_BASE_SECONDS=0, WEBHOOKS_TIMEOUT_SECONDS=2)


def run_worker():
    run_tasks(backend_name="webhooks", queue_name="webhooks")


def publish(page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()


@FAST_RETRIES
def test_a_publish_sends_a_signed_json_event(receiver, story, django_capture_on_commit_callbacks):
    endpoint = WebhookEndpoint.objects.create(name="Kenya site", url=receiver.url)

    publish(story, django_capture_on_commit_callbacks)
    run_worker()

    [(headers, body)] = receiver.requests
    payload = json.loads(body)
    assert payload["event"] == "page.published"
    assert payload["page"]["id"] == story.pk
    assert payload["page"]["type"] == "heroes.HeroStoryPage"
    assert headers["X-MigrantHeroes-Event"] == "page.published"
    assert signing.verify(
        endpoint.secret,
        headers["X-MigrantHeroes-Timestamp"],
        body,
        headers["X-MigrantHeroes-Signature"],
    )
    assert not signing.verify(
        "another secret",
        headers["X-MigrantHeroes-Timestamp"],
        body,
        headers["X-MigrantHeroes-Signature"],
    )
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.Status.DELIVERED
    assert delivery.last_status_code == 204


@FAST_RETRIES
def test_a_failing_endpoint_is_retried_until_it_succeeds(
    receiver, story, django_capture_on_commit_callbacks
):
    receiver.failures = 2
    WebhookEndpoint.objects.create(name="Flaky", url=receiver.url)

    publish(story, django_capture_on_commit_callbacks)
    run_worker()

    assert len(receiver.requests) == 3
    assert len({body for _headers, body in receiver.requests}) == 1  # the same event each time
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.Status.DELIVERED
    assert delivery.attempts == 3


@override_settings(WEBHOOKS_RETRY_BASE_SECONDS=30)
def test_a_failed_attempt_is_retried_later_with_back_off(
    receiver, story, django_capture_on_commit_callbacks
):
    receiver.failures = 10
    WebhookEndpoint.objects.create(name="Down", url=receiver.url)

    publish(story, django_capture_on_commit_callbacks)
    run_worker()

    delivery = WebhookDelivery.objects.get()
    assert len(receiver.requests) == 1  # the retry waits for its time
    assert delivery.status == WebhookDelivery.Status.RETRYING
    assert 25 <= (delivery.next_attempt_at - delivery.created_at).total_seconds() <= 40


@FAST_RETRIES
@override_settings(WEBHOOKS_MAX_ATTEMPTS=3)
def test_a_dead_endpoint_never_slows_or_breaks_publishing(
    dead_url, story, django_capture_on_commit_callbacks
):
    WebhookEndpoint.objects.create(name="Gone", url=dead_url)
    story.headline = "Published whatever the partners do"

    publish(story, django_capture_on_commit_callbacks)
    queued = WebhookDelivery.objects.get()
    run_worker()

    story.refresh_from_db()
    assert story.live and story.headline == "Published whatever the partners do"
    # Publishing only queued the delivery: no attempt, so no wait for the endpoint, in it.
    assert (queued.status, queued.attempts) == (WebhookDelivery.Status.PENDING, 0)
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.Status.FAILED
    assert delivery.attempts == 3
    assert "ConnectionError" in delivery.last_error


@FAST_RETRIES
def test_unpublish_and_delete_send_their_events_to_subscribed_endpoints_only(
    receiver, story, event, django_capture_on_commit_callbacks
):
    WebhookEndpoint.objects.create(name="Everything", url=receiver.url)
    WebhookEndpoint.objects.create(
        name="Publications only", url=receiver.url, on_unpublish=False, on_delete=False
    )
    WebhookEndpoint.objects.create(name="Paused", url=receiver.url, is_active=False)

    with django_capture_on_commit_callbacks(execute=True):
        story.unpublish()
    event_id = event.pk
    with django_capture_on_commit_callbacks(execute=True):
        event.delete()
    run_worker()

    received = [json.loads(body) for _headers, body in receiver.requests]
    events = sorted((payload["page"]["id"], payload["event"]) for payload in received)
    # Deleting a live page unpublishes it first (Wagtail says so too), then deletes it.
    assert events == sorted(
        [
            (story.pk, "page.unpublished"),
            (event_id, "page.unpublished"),
            (event_id, "page.deleted"),
        ]
    )


@FAST_RETRIES
def test_a_rolled_back_publish_sends_nothing(receiver, story, django_capture_on_commit_callbacks):
    WebhookEndpoint.objects.create(name="Kenya site", url=receiver.url)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        story.save_revision().publish()
    run_worker()

    assert callbacks  # queued for the commit, which never comes here
    assert receiver.requests == []
    assert not WebhookDelivery.objects.exists()
