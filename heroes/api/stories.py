"""Story listings for cards, map pop-ups and feeds of partner sites: `/api/v3/stories/`.

Wagtail's `/api/v3/pages/` lists titles only; a front end building a story grid would then
ask for every story one by one. This listing gives each story's card fields in one request,
with a constant number of SQL queries whatever the page size.
"""

from django.urls import reverse
from ninja import Field, Query, Router, Schema
from wagtail.api.v2.utils import get_full_url
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination

from cms.core.api_fields import CountryField, image_representation, live_page_link
from cms.core.api_routes import listing
from heroes import selectors
from heroes.api.params import (
    LocaleFilter,
    bad_parameter,
    check_country,
    get_locale,
    get_mission,
)
from heroes.api.schemas import StoryCard
from heroes.models import HeroCategory

router = Router(tags=["stories"])

_country = CountryField("country_of_origin")
_residence = CountryField("country_of_residence")


def story_cards(stories, request):
    """Story cards for `stories` (from selectors.live_stories), in three more queries at most.

    The missions of every story are read in one query (a story's mission is the hub above
    it), not one per story.
    """
    stories = list(stories)
    hubs = selectors.missions_above(stories)
    cards = []
    for story in stories:
        hub = hubs.get(story.path[: -story.steplen])
        cards.append(
            {
                "id": story.pk,
                "title": story.title,
                "locale": story.locale.language_code,
                "url": story.get_full_url(request),
                "detail_url": get_full_url(
                    request, reverse("wagtailapi_v3:detail_page", kwargs={"page_id": story.pk})
                ),
                "hero_name": story.hero_name,
                "headline": story.headline,
                "intro": story.intro,
                "photo": image_representation(story.photo),
                "country_of_origin": _country.to_representation(story),
                "country_of_residence": _residence.to_representation(story),
                "category": story.category.name if story.category else None,
                "tags": sorted(item.tag.name for item in story.tagged_items.all()),
                "mission": live_page_link(hub),
                "first_published_at": story.first_published_at.isoformat()
                if story.first_published_at
                else None,
            }
        )
    return cards


class StoryFilters(LocaleFilter):
    country: str | None = Field(
        None, description="ISO 3166 code: stories of heroes living in or coming from it."
    )
    mission: int | None = Field(None, description="Id of a mission hub: its stories only.")
    tag: str | None = Field(None, description="A tag's slug.")
    category: str | None = Field(None, description="A hero category's slug.")
    search: str | None = Field(
        None,
        description="Words to search for in the locale's language: the stories found, best "
        "first (see /api/v3/search/ for every page type, with facets).",
    )


class StoryCardPagination(WagtailLimitOffsetPagination):
    """Wagtail's own pagination; the page of stories is then made cards in a few queries."""

    def paginate_queryset(self, queryset, pagination, request, **params):
        page = super().paginate_queryset(queryset, pagination, request, **params)
        page["items"] = story_cards(selectors.with_card_relations(page["items"]), request)
        return page


@listing(
    router,
    StoryCard,
    name="stories",
    summary="List live hero stories as cards",
    pagination=StoryCardPagination,
)
def list_stories(request, filters: StoryFilters = Query(...)):  # noqa: B008
    locale = get_locale(filters.locale)
    category = None
    if filters.category:
        category = HeroCategory.objects.filter(locale=locale, slug=filters.category).first()
        if category is None:
            raise bad_parameter("category", f"No hero category has the slug {filters.category!r}.")
    stories = selectors.live_stories(
        locale=locale,
        mission=get_mission(filters.mission, locale=locale),
        country=check_country(filters.country),
        tag=filters.tag,
        category=category,
    )
    if filters.search is not None:
        stories = selectors.search_stories(stories, filters.search, locale=locale)
    return stories


categories_router = Router(tags=["stories"])


class Category(Schema):
    id: int
    name: str
    slug: str
    description: str


@listing(
    categories_router,
    Category,
    name="categories",
    summary="Hero categories (the values of the stories' category filter)",
)
def list_categories(request, filters: LocaleFilter = Query(...)):  # noqa: B008
    categories = HeroCategory.objects.filter(locale=get_locale(filters.locale))
    return categories.order_by("name").values("id", "name", "slug", "description")
