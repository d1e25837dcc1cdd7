"""Security headers of every response: the Content-Security-Policy and the Permissions-Policy.

The public site runs no inline script or style, so its policy is strict
(settings.CONTENT_SECURITY_POLICY). Two kinds of path differ, each said once here:

- the embed cards (settings.CSP_FRAMEABLE_PATHS) are made to be framed by other sites:
  `frame-ancestors *` (and no X-Frame-Options, heroes.embeds);
- Wagtail's admin runs inline scripts and styles of its own (wagtail/wagtail#1288): it gets
  settings.ADMIN_CONTENT_SECURITY_POLICY, relaxed for those and nothing else.

Both middlewares stand outside the response cache, so a cached response gets the same headers.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse


def admin_prefix():
    return reverse("wagtailadmin_home")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy and the embeds' frame-ancestors."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        path = request.path_info
        if parts.config is None and path.startswith(admin_prefix()):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        if path.startswith(tuple(settings.CSP_FRAMEABLE_PATHS)):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": ["*"]}
        return parts


class PermissionsPolicyMiddleware:
    """`Permissions-Policy` on every response: no page may use the camera, microphone, …"""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(allowed)})"
            for feature, allowed in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response
