"""The content API: one NinjaAPI (Wagtail's v3 routers), so one OpenAPI document.

Mounted at /api/v3/ (document at /api/v3/openapi.json, docs at /api/v3/docs/). Campaign
routers are added here, to the same instance, before its URLs are read.
"""

from wagtail.api.v3.api import api

__all__ = ["api"]
