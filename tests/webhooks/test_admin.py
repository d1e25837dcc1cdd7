"""MCD registers endpoints and reads the delivery log in the admin."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from webhooks.models import Event, WebhookDelivery, WebhookEndpoint

pytestmark = pytest.mark.django_db


def test_mcd_registers_an_endpoint_with_a_generated_secret(client, home_page):
    client.force_login(UserFactory(superuser=True))
    add_url = reverse("wagtailsnippets_webhooks_webhookendpoint:add")
    secret = client.get(add_url).context["form"]["secret"].value()

    response = client.post(
        add_url,
        {
            "name": "Kenya partner site",
            "url": "https://partner.example/hooks",
            "secret": secret,
            "on_publish": "on",
            "is_active": "on",
        },
    )

    assert response.status_code == 302
    endpoint = WebhookEndpoint.objects.get(name="Kenya partner site")
    assert endpoint.secret == secret
    assert len(secret) >= 32
    assert endpoint.wants(Event.PUBLISHED) and not endpoint.wants(Event.DELETED)


def test_the_delivery_log_lists_deliveries_for_mcd(client, home_page):
    endpoint = WebhookEndpoint.objects.create(name="Partner", url="https://partner.example/")
    delivery = WebhookDelivery.objects.create(
        endpoint=endpoint,
        event=Event.PUBLISHED,
        payload={"event": "page.published"},
        status=WebhookDelivery.Status.FAILED,
        attempts=5,
        last_error="ConnectionError: refused",
    )
    client.force_login(UserFactory(superuser=True))

    listing = client.get(reverse("wagtailsnippets_webhooks_webhookdelivery:list"))
    inspect = client.get(
        reverse("wagtailsnippets_webhooks_webhookdelivery:inspect", args=[delivery.pk])
    )

    assert listing.status_code == 200
    assert "Partner" in listing.content.decode()
    assert inspect.status_code == 200
    assert "ConnectionError: refused" in inspect.content.decode()


def test_the_delivery_log_cannot_be_written_even_by_a_superuser(client, home_page):
    endpoint = WebhookEndpoint.objects.create(name="Partner", url="https://partner.example/")
    delivery = WebhookDelivery.objects.create(
        endpoint=endpoint, event=Event.PUBLISHED, payload={}, status=WebhookDelivery.Status.FAILED
    )
    client.force_login(UserFactory(superuser=True))

    for view, args in (("add", []), ("edit", [delivery.pk]), ("delete", [delivery.pk])):
        url = reverse(f"wagtailsnippets_webhooks_webhookdelivery:{view}", args=args)
        response = client.get(url)
        assert response.status_code == 302, view  # Wagtail: "you do not have permission"
        assert response["Location"] == reverse("wagtailadmin_home"), view
        client.post(url, {"status": "delivered", "attempts": 0})

    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.Status.FAILED
    assert WebhookDelivery.objects.count() == 1


def test_editors_without_permission_cannot_see_webhooks(client, home_page):
    client.force_login(UserFactory(is_staff=True))

    response = client.get(reverse("wagtailsnippets_webhooks_webhookendpoint:list"))

    # No access to the admin at all: Wagtail sends to its login page.
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login") + "?next=")
