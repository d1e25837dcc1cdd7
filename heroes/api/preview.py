"""Headless preview for front ends: `/api/v3/preview/?token=…` (see cms/core/preview.py)."""

from django.http import HttpResponse
from ninja import Router
from wagtail.api.v3.routers.pages import PageDetailSchema

from cms.core.preview import read_token

router = Router(tags=["preview"])


@router.get(
    "/",
    response=PageDetailSchema,
    url_name="headless_preview",
    summary="The draft a preview token names",
    description=(
        "Reads the page revision named by the token of the admin's 'Preview on the front end' "
        "(valid for HEADLESS_PREVIEW_MAX_AGE seconds). Any other page or revision needs its "
        "own token. Answers 403 for a forged or expired token."
    ),
    operation_id="headless_preview",
)
def preview(request, token: str, response: HttpResponse):
    revision = read_token(token)
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return revision.as_object()
