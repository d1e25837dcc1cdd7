"""Publishing, unpublishing or deleting a story, an event or a hub queues its webhooks.

Nothing here waits on an endpoint: deliveries are recorded and queued after the publishing
transaction commits, and any error while queueing is logged, never raised into publishing.
"""

import logging
import uuid

from django.conf import settings
from django.db import transaction
from django.db.models.signals import pre_delete
from django.urls import reverse
from django.utils import timezone

from webhooks.models import Event, WebhookDelivery, WebhookEndpoint

logger = logging.getLogger(__name__)


def watched_models():
    from heroes.models import EventPage, HeroStoryPage, MissionHubPage

    return (HeroStoryPage, EventPage, MissionHubPage)


def page_payload(page, event):
    base = settings.WAGTAILAPI_BASE_URL.rstrip("/")
    try:
        url = page.get_full_url()
    except Exception:  # a page being deleted may no longer route
        url = None
    return {
        "id": str(uuid.uuid4()),
        "event": event,
        "created_at": timezone.now().isoformat(),
        "page": {
            "id": page.pk,
            "type": page._meta.label,
            "title": page.title,
            "locale": page.locale.language_code if page.locale_id else None,
            "translation_key": str(page.translation_key),
            "url": url if event != Event.DELETED else None,
            "api_url": base + reverse("wagtailapi_v3:detail_page", kwargs={"page_id": page.pk})
            if event != Event.DELETED
            else None,
        },
    }


def queue_deliveries(payload, event):
    from webhooks.tasks import schedule

    try:
        for endpoint in WebhookEndpoint.objects.filter(is_active=True):
            if endpoint.wants(event):
                delivery = WebhookDelivery.objects.create(
                    endpoint=endpoint, event=event, payload=payload
                )
                schedule(delivery)
    except Exception:
        logger.exception("Webhooks for %s could not be queued.", event)


def notify(page, event):
    payload = page_payload(page, event)
    transaction.on_commit(lambda: queue_deliveries(payload, event))


def on_published(sender, instance, **kwargs):
    notify(instance, Event.PUBLISHED)


def on_unpublished(sender, instance, **kwargs):
    notify(instance, Event.UNPUBLISHED)


def on_deleted(sender, instance, **kwargs):
    notify(instance, Event.DELETED)


def connect():
    from wagtail.signals import page_published, page_unpublished

    for model in watched_models():
        label = model._meta.label
        page_published.connect(on_published, sender=model, dispatch_uid=f"webhooks-pub-{label}")
        page_unpublished.connect(
            on_unpublished, sender=model, dispatch_uid=f"webhooks-unpub-{label}"
        )
        pre_delete.connect(on_deleted, sender=model, dispatch_uid=f"webhooks-del-{label}")
