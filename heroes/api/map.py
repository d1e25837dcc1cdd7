"""Live stories per country as GeoJSON: `/api/v3/map/`.

One point per country where heroes live, with the number of live stories and links to them
on the site and in the API: heroes.maps, the query the site's map page reads too.
"""

from typing import Literal
from urllib.parse import urlencode

from django.urls import reverse
from ninja import Field, Query, Router, Schema
from wagtail.api.v2.utils import get_full_url

from cms.core.api_fields import CountryDict
from heroes import selectors
from heroes.api.params import LocaleFilter, get_locale
from heroes.maps import stories_per_country

router = Router(tags=["map"])


class PointGeometry(Schema):
    type: Literal["Point"] = "Point"
    coordinates: list[float] = Field(description="[longitude, latitude]")


class CountryProperties(Schema):
    country: CountryDict
    count: int = Field(description="Live stories of heroes living in this country.")
    stories_url: str | None = Field(description="The site's story index, filtered.")
    api_url: str = Field(description="/api/v3/stories/ filtered by this country and locale.")


class CountryFeature(Schema):
    type: Literal["Feature"] = "Feature"
    id: str
    geometry: PointGeometry | None
    properties: CountryProperties


class StoryMap(Schema):
    type: Literal["FeatureCollection"] = "FeatureCollection"
    locale: str
    features: list[CountryFeature]

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "type": "FeatureCollection",
                    "locale": "en",
                    "features": [
                        {
                            "type": "Feature",
                            "id": "KE",
                            "geometry": {"type": "Point", "coordinates": [38.0, 1.0]},
                            "properties": {
                                "country": {"code": "KE", "name": "Kenya"},
                                "count": 3,
                                "stories_url": "https://migrantheroes.example/en/stories/?country=KE",
                                "api_url": "https://migrantheroes.example/api/v3/stories/?country=KE&locale=en",
                            },
                        }
                    ],
                }
            ]
        }
    }


@router.get(
    "/",
    response=StoryMap,
    url_name="story_map",
    summary="Live stories per country, as GeoJSON points",
    operation_id="story_map",
)
def story_map(request, filters: LocaleFilter = Query(...)):  # noqa: B008
    locale = get_locale(filters.locale)
    index = selectors.story_index(locale=locale)
    index_url = index.get_full_url(request) if index else None
    api_url = get_full_url(request, reverse("wagtailapi_v3:list_stories"))
    features = []
    for country in stories_per_country(locale=locale):
        code = country.code
        query = urlencode({"country": code, "locale": locale.language_code})
        features.append(
            {
                "id": code,
                "geometry": {"type": "Point", "coordinates": country.point}
                if country.point
                else None,
                "properties": {
                    "country": {"code": code, "name": country.name},
                    "count": country.count,
                    "stories_url": f"{index_url}?country={code}" if index_url else None,
                    "api_url": f"{api_url}?{query}",
                },
            }
        )
    return {"locale": locale.language_code, "features": features}
