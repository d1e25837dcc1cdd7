"""Response shapes shared by the campaign routers."""

from ninja import Schema

from cms.core.api_fields import CountryDict, ImageDict


class PageLink(Schema):
    id: int
    title: str
    url: str | None


class StoryCard(Schema):
    """A story as listed: enough for a card, a map popup or a calendar entry."""

    id: int
    title: str
    locale: str
    url: str | None
    detail_url: str
    hero_name: str
    headline: str
    intro: str
    photo: ImageDict | None
    country_of_origin: CountryDict | None
    country_of_residence: CountryDict | None
    category: str | None
    tags: list[str]
    mission: PageLink | None
    first_published_at: str | None
