"""Admin logins are throttled (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one
username from one client address, that pair is locked out for AXES_COOLOFF_TIME, even with
the right password. Superusers see the locks under Settings → Login lockouts and lift them.

The client address is the project's one rule (cms.core.clients.client_address, with
TRUSTED_PROXY_COUNT), set as AXES_CLIENT_IP_CALLABLE.
"""

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem


class LoginThrottleBackend(AxesStandaloneBackend):
    """Axes' check before every login made through a request (the admin's login form).

    A login without a request (a management command, the test client's `login()`) is not a
    client guessing passwords over the network: axes has nothing to count it by, so it is let
    through to the next backend instead of refused.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def current_attempts():
    """Failed logins still counted (within the cool-off), the locked ones first."""
    attempts = AccessAttempt.objects.order_by("-failures_since_start", "-attempt_time")
    cool_off = get_cool_off()
    if cool_off:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - cool_off)
    return attempts


def is_locked(attempt):
    return attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT


def lockouts_view(request):
    if not request.user.is_superuser:
        return permission_denied(request)
    attempts = list(current_attempts())
    cool_off = get_cool_off()
    return TemplateResponse(
        request,
        "core/admin/login_lockouts.html",
        {
            "attempts": [(attempt, is_locked(attempt)) for attempt in attempts],
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "cool_off_minutes": int(cool_off.total_seconds() // 60) if cool_off else 0,
        },
    )


@require_POST
def reset_view(request, attempt_id):
    if not request.user.is_superuser:
        return permission_denied(request)
    attempt = AccessAttempt.objects.filter(pk=attempt_id).first()
    if attempt is not None:
        reset(ip=attempt.ip_address, username=attempt.username)
        messages.success(
            request,
            _("%(username)s may log in again from %(address)s.")
            % {"username": attempt.username, "address": attempt.ip_address},
        )
    return redirect("core_login_lockouts")


def admin_urls():
    return [
        path("login-lockouts/", lockouts_view, name="core_login_lockouts"),
        path("login-lockouts/<int:attempt_id>/reset/", reset_view, name="core_login_lockout_reset"),
    ]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


def menu_item():
    return SuperuserMenuItem(
        gettext_lazy("Login lockouts"), reverse("core_login_lockouts"), icon_name="lock", order=910
    )
