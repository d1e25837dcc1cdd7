"""Heroes per country: the one query behind the map API (/api/v3/map/) and the map page.

One point per country where heroes live, at the country's centroid (countryinfo's data),
with the number of live stories there. The site draws the points on an SVG of its own
(an equirectangular projection: no map tiles, nothing fetched from elsewhere).
"""

import functools
from dataclasses import dataclass

from countryinfo import CountryInfo
from django.db.models import Count
from django.utils import translation
from django_countries import countries

from heroes import selectors

#: The map page's SVG: 360° of longitude by 180° of latitude, scaled by this.
MAP_SCALE = 2


@functools.cache
def centroid(code):
    """[longitude, latitude] of a country (GeoJSON order), or None when unknown."""
    try:
        latitude, longitude = CountryInfo(code).latlng()[:2]
    except (KeyError, ValueError, TypeError, IndexError):
        return None
    return [float(longitude), float(latitude)]


@dataclass(frozen=True)
class CountryStories:
    code: str
    name: str
    count: int
    point: list[float] | None  # [longitude, latitude]

    @property
    def x(self):
        """The point's x on the map page's SVG (0 to 360 * MAP_SCALE)."""
        return round((self.point[0] + 180) * MAP_SCALE, 1) if self.point else None

    @property
    def y(self):
        return round((90 - self.point[1]) * MAP_SCALE, 1) if self.point else None

    @property
    def radius(self):
        """A dot that grows with the number of stories, gently (3 to 12 units)."""
        return round(min(12, 3 + 2 * self.count**0.5), 1)


def stories_per_country(*, locale):
    """Countries where heroes of live, public stories in `locale` live, by code, with counts.

    Country names are in `locale`'s language.
    """
    rows = (
        selectors.public_stories()
        .filter(locale=locale)
        .values("country_of_residence")
        .annotate(count=Count("pk"))
        .order_by("country_of_residence")
    )
    with translation.override(locale.language_code):
        return [
            CountryStories(
                code=str(row["country_of_residence"]),
                name=str(countries.name(row["country_of_residence"])),
                count=row["count"],
                point=centroid(str(row["country_of_residence"])),
            )
            for row in rows
        ]
