"""The oEmbed provider (https://oembed.com/): `/api/v3/oembed/?url=<story url>&format=json`.

A story's URL (in any language) or its embed card's URL answers a `rich` oEmbed whose HTML
is an iframe of the embed card (`/embed/stories/<id>/`). `maxwidth`/`maxheight` are
honoured; an unknown URL answers 404 and `format=xml` 501, as the specification asks.
"""

from typing import Literal

from django.http import Http404
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from wagtail.api.v2.utils import get_full_url

from cms.core.api_fields import image_representation
from heroes import selectors
from heroes.api.common import story_for_url

router = Router(tags=["oembed"])

CARD_WIDTH, CARD_HEIGHT = 600, 420
MIN_WIDTH, MIN_HEIGHT = 200, 200
CACHE_AGE = 3600


class OEmbedParams(Schema):
    url: str = Field(..., description="A story's URL on this site, or its embed card's URL.")
    format: Literal["json", "xml"] = Field("json", description="Only json is provided.")
    maxwidth: int | None = Field(None, ge=1, description="Widest the iframe may be (pixels).")
    maxheight: int | None = Field(None, ge=1, description="Tallest the iframe may be.")


class OEmbedRich(Schema):
    version: Literal["1.0"] = "1.0"
    type: Literal["rich"] = "rich"
    title: str
    author_name: str | None = None
    author_url: str | None = None
    provider_name: str
    provider_url: str
    cache_age: int
    html: str
    width: int
    height: int
    thumbnail_url: str | None = None
    thumbnail_width: int | None = None
    thumbnail_height: int | None = None

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "version": "1.0",
                    "type": "rich",
                    "title": "Amina Yusuf: Amina teaches sewing in Nairobi",
                    "author_name": "IOM Kenya",
                    "author_url": "https://migrantheroes.example/en/missions/kenya/",
                    "provider_name": "#MigrantHeroes",
                    "provider_url": "https://migrantheroes.example/",
                    "cache_age": 3600,
                    "html": '<iframe src="https://migrantheroes.example/embed/stories/7/" '
                    'width="600" height="420" …></iframe>',
                    "width": 600,
                    "height": 420,
                    "thumbnail_url": "https://migrantheroes.example/media/images/a.fill-600x400.jpg",
                    "thumbnail_width": 600,
                    "thumbnail_height": 400,
                }
            ]
        }
    }


@router.get(
    "/",
    response=OEmbedRich,
    url_name="oembed",
    summary="oEmbed of a story (type rich: an iframe of its embed card)",
    operation_id="oembed",
    exclude_none=True,
    openapi_extra={
        "responses": {
            "404": {"description": "The URL is not a live story of this site."},
            "501": {"description": "The format is not provided (only json is)."},
        }
    },
)
def oembed(request, params: OEmbedParams = Query(...)):  # noqa: B008
    if params.format != "json":
        raise HttpError(501, _("Only the json format is provided."))
    story = story_for_url(params.url, request)
    if story is None:
        raise Http404(_("This URL is not a live story of #MigrantHeroes."))
    width = min(CARD_WIDTH, params.maxwidth or CARD_WIDTH)
    height = min(CARD_HEIGHT, params.maxheight or CARD_HEIGHT)
    if width < MIN_WIDTH or height < MIN_HEIGHT:
        # The card cannot be made that small: per the spec, say it is not available.
        raise Http404(
            _("No embed fits in %(width)s×%(height)s.") % {"width": width, "height": height}
        )
    card_url = get_full_url(request, reverse("embed_story", kwargs={"story_id": story.pk}))
    html = format_html(
        '<iframe src="{}" width="{}" height="{}" title="{}" style="border:0;max-width:100%" '
        'loading="lazy" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox '
        'allow-same-origin"></iframe>',
        card_url,
        width,
        height,
        story.title,
    )
    hub = selectors.missions_above([story]).get(story.path[: -story.steplen])
    response = {
        "title": f"{story.hero_name}: {story.headline}",
        "author_name": hub.office_name if hub else None,
        "author_url": hub.get_full_url(request) if hub else None,
        "provider_name": "#MigrantHeroes",
        "provider_url": get_full_url(request, "/"),
        "cache_age": CACHE_AGE,
        "html": str(html),
        "width": width,
        "height": height,
    }
    photo = image_representation(story.photo) if story.photo else None
    thumbnail = photo["renditions"] if photo else None
    small = thumbnail["thumbnail"] if thumbnail else None
    if small and small["width"] <= width and small["height"] <= height:
        response.update(
            thumbnail_url=small["url"],
            thumbnail_width=small["width"],
            thumbnail_height=small["height"],
        )
    return response
