"""The content API: one NinjaAPI (Wagtail's v3 routers), so one OpenAPI document.

Mounted at /api/v3/ (document at /api/v3/openapi.json, docs at /api/v3/docs/). Campaign
routers are added here, to the same instance, before its URLs are read.
"""

from django.core.exceptions import ImproperlyConfigured
from ninja.openapi.docs import Swagger
from wagtail.api.v3.api import api

from cms import openapi
from cms.core import media_api, problems
from cms.core.middleware import TOKEN_ONLY_API_PATHS
from heroes.api import (
    ambassadors,
    calendar,
    criteria,
    digest,
    event_proposals,
    map,
    nominations,
    oembed,
    preview,
    share,
    spotlight,
    stories,
    voting,
)
from home import api as home_api
from search import api as search_api

api.title = "#MigrantHeroes content API"
api.description = (
    "The campaign's content: Wagtail's v3 API (pages, images, documents, snippets) plus the "
    "campaign's own endpoints (stories, calendar, map, share kit, oEmbed). Anonymous callers "
    "read live, public content; writing needs a Wagtail API token (Authorization: Bearer …) "
    "and the caller's own permissions; a token that is not valid (unknown, revoked, expired) "
    "is refused with a 401 on every route, never read as anonymous. Errors are RFC 7807 "
    "problem documents."
)

# Swagger UI from django-ninja's own static copy ("ninja" is an installed app), and without
# its online validator badge (which would send the document's URL to swagger.io).
api.docs = Swagger(settings={"validatorUrl": None})
# Unexpected exceptions go to Django, in DEBUG too (Wagtail's handler would show their text
# then): cms.core.problems answers them with a 500 problem that tells nothing of them.
api.add_exception_handler(Exception, problems.reraise)


def _replace_router(prefix, router):
    """Mount `router` where a Wagtail app mounted its own at `prefix`, in the same place.

    Wagtail's apps mount their routers on this API from their `ready()`; django-ninja has
    no public way to take one back, so this swaps the registration before the URLs are
    built (ninja reads `_router_registrations` then, and keeps `_routers` for listings).
    """
    for registrations in (api._router_registrations, api._routers):
        mounted = [i for i, registration in enumerate(registrations) if registration[0] == prefix]
        if len(mounted) != 1:
            raise ImproperlyConfigured(f"Expected one router mounted at {prefix}: {mounted}")
        registrations[mounted[0]] = (prefix, router, *registrations[mounted[0]][2:])


# The image and document APIs show each token the collections its user may work in.
_replace_router("/images/", media_api.images_router)
_replace_router("/documents/", media_api.documents_router)

api.add_router("/stories/", stories.router)
api.add_router("/stories/", share.router)
api.add_router("/categories/", stories.categories_router)
api.add_router("/calendar/", calendar.router)
api.add_router("/events/", event_proposals.router)
api.add_router("/map/", map.router)
api.add_router("/oembed/", oembed.router)
api.add_router("/story-of-the-month/", spotlight.router)
api.add_router("/preview/", preview.router)
api.add_router("/materials/", home_api.router)
api.add_router("/nominations/", nominations.router)
api.add_router("/nominations/", criteria.router)
api.add_router("/ambassadors/", ambassadors.router)
api.add_router("/voting/", voting.router)
api.add_router("/search/", search_api.router)
api.add_router("/missions/", digest.missions_router)
api.add_router("/digest/", digest.router)


def _document_anonymous_access(get_schema):
    """Wrap the API's OpenAPI builder so anonymous access is written the OpenAPI 3.1 way.

    Wagtail's `AllowAnonymous` fallback auth shows up as an `http` security scheme without
    the `scheme` OpenAPI requires, which makes the whole document invalid for validators and
    code generators. OpenAPI says "authentication optional" with an empty requirement
    (`{}`) instead: this writes that, and drops the invalid scheme.
    """

    def get_openapi_schema(*args, **kwargs):
        schema = get_schema(*args, **kwargs)
        schemes = schema.get("components", {}).get("securitySchemes", {})
        if schemes.pop("AllowAnonymous", None) is None:
            return schema
        for path, operations in schema["paths"].items():
            # The image and document APIs take tokens only (cms.core.middleware): say so.
            token_only = path.startswith(TOKEN_ONLY_API_PATHS)
            for operation in operations.values():
                if "security" in operation:
                    operation["security"] = [
                        {} if "AllowAnonymous" in requirement else requirement
                        for requirement in operation["security"]
                        if not (token_only and "AllowAnonymous" in requirement)
                    ]
        return schema

    return get_openapi_schema


api.get_openapi_schema = _document_anonymous_access(api.get_openapi_schema)
# Then what generators need to read it right (cms/openapi.py).
api.get_openapi_schema = openapi.finishing(api.get_openapi_schema)

__all__ = ["api"]
