"""The admin: MCD registers webhook endpoints and reads the delivery log."""

from django.utils.translation import gettext_lazy as _
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from webhooks.models import WebhookDelivery, WebhookEndpoint


class WebhookEndpointViewSet(SnippetViewSet):
    model = WebhookEndpoint
    icon = "link-external"
    menu_label = _("Endpoints")
    list_display = ["name", "url", "on_publish", "on_unpublish", "on_delete", "is_active"]


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Nobody, superusers included, adds, edits or deletes a record kept by the system."""

    WRITE_ACTIONS = frozenset({"add", "change", "delete", "publish", "lock", "unlock"})

    def user_has_permission(self, user, action):
        return action not in self.WRITE_ACTIONS and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action not in self.WRITE_ACTIONS]
        if not actions:
            return super().users_with_any_permission(["none"]).none()
        return super().users_with_any_permission(actions)


register_permission_policy(WebhookDelivery, ReadOnlyPermissionPolicy(WebhookDelivery))


class WebhookDeliveryViewSet(SnippetViewSet):
    """The delivery log: read only (deliveries are made by publishing, not by hand)."""

    model = WebhookDelivery
    icon = "list-ul"
    menu_label = _("Delivery log")
    list_display = ["event", "endpoint", "status", "attempts", "last_status_code", "created_at"]
    list_filter = ["status", "event", "endpoint"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "endpoint",
        "event",
        "status",
        "attempts",
        "last_status_code",
        "last_error",
        "next_attempt_at",
        "created_at",
        "delivered_at",
        "payload",
    ]


class WebhooksGroup(SnippetViewSetGroup):
    items = (WebhookEndpointViewSet, WebhookDeliveryViewSet)
    menu_icon = "link-external"
    menu_label = _("Webhooks")
    menu_order = 900


register_snippet(WebhooksGroup)
