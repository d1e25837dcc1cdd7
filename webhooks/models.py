"""Webhook endpoints MCD registers, and the log of every delivery to them."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


def new_secret():
    return secrets.token_urlsafe(32)


class Event(models.TextChoices):
    PUBLISHED = "page.published", _("Published")
    UNPUBLISHED = "page.unpublished", _("Unpublished")
    DELETED = "page.deleted", _("Deleted")


class WebhookEndpoint(models.Model):
    """A partner's URL told when a story, an event or a mission hub changes."""

    name = models.CharField(max_length=255, verbose_name=_("name"))
    url = models.URLField(max_length=500, verbose_name=_("URL"))
    secret = models.CharField(
        max_length=128,
        default=new_secret,
        verbose_name=_("signing secret"),
        help_text=_(
            "Each delivery is signed with HMAC-SHA256 of this secret: give it to the partner."
        ),
    )
    on_publish = models.BooleanField(default=True, verbose_name=_("when published"))
    on_unpublish = models.BooleanField(default=True, verbose_name=_("when unpublished"))
    on_delete = models.BooleanField(default=True, verbose_name=_("when deleted"))
    is_active = models.BooleanField(default=True, verbose_name=_("active"))
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("secret"),
        MultiFieldPanel(
            [FieldPanel("on_publish"), FieldPanel("on_unpublish"), FieldPanel("on_delete")],
            heading=_("Events"),
        ),
        FieldPanel("is_active"),
    ]

    class Meta:
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def wants(self, event):
        return {
            Event.PUBLISHED: self.on_publish,
            Event.UNPUBLISHED: self.on_unpublish,
            Event.DELETED: self.on_delete,
        }[event]


class WebhookDelivery(models.Model):
    """One event sent (or being sent) to one endpoint, with its attempts."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        RETRYING = "retrying", _("Retrying")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed")

    endpoint = models.ForeignKey(
        WebhookEndpoint,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("endpoint"),
    )
    event = models.CharField(max_length=40, choices=Event.choices, verbose_name=_("event"))
    payload = models.JSONField(verbose_name=_("payload"))
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.PENDING, verbose_name=_("status")
    )
    attempts = models.PositiveSmallIntegerField(default=0, verbose_name=_("attempts"))
    last_status_code = models.PositiveSmallIntegerField(
        null=True, blank=True, verbose_name=_("last HTTP status")
    )
    last_error = models.TextField(blank=True, verbose_name=_("last error"))
    next_attempt_at = models.DateTimeField(null=True, blank=True, verbose_name=_("next attempt"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("created"))
    delivered_at = models.DateTimeField(null=True, blank=True, verbose_name=_("delivered"))

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.event} → {self.endpoint}"
