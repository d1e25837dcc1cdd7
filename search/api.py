"""Search in the content API: `/api/v3/search/` (results with facets and their counts) and
`/api/v3/search/suggestions/` (autocomplete). The same search as the site's page
(search.selectors), in the language `locale` names."""

from typing import Any

from django.utils import translation
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination

from cms.core.api_fields import live_page_link
from cms.core.search import MAX_QUERY_LENGTH
from heroes.api.params import LOCALE_DESCRIPTION, bad_parameter, check_country, get_locale
from search import selectors
from search.services import record_search

router = Router(tags=["search"])

QUERY_DESCRIPTION = (
    f"Words to search for, in the locale's language (at most {MAX_QUERY_LENGTH} "
    "characters are read; punctuation and search operators are ignored)."
)


class SearchParameters(Schema):
    q: str = Field("", description=QUERY_DESCRIPTION)
    locale: str | None = Field(None, description=LOCALE_DESCRIPTION)
    type: str | None = Field(
        None, description="story, event, mission or page: results of that type only."
    )
    country: str | None = Field(
        None, description="ISO 3166 code: stories, events and missions of that country."
    )
    mission: int | None = Field(
        None, ge=1, le=2**31 - 1, description="Id of a mission hub: the pages under it."
    )
    category: str | None = Field(None, description="A hero category's slug.")
    tag: str | None = Field(None, description="A tag's slug.")


class SearchResult(Schema):
    id: int
    type: str = Field(description="story, event, mission or page")
    title: str
    url: str | None
    excerpt: str = Field(description="HTML: the passage that matched, its words in <mark>.")
    hero_name: str | None
    headline: str | None


class FacetCount(Schema):
    value: str
    label: str
    count: int = Field(description="Results when this value is chosen with the other facets.")
    selected: bool


class Facets(Schema):
    type: list[FacetCount]
    country: list[FacetCount]
    mission: list[FacetCount]
    category: list[FacetCount]
    tag: list[FacetCount]


class PromotedResult(Schema):
    title: str
    url: str
    description: str
    page: dict | None = Field(description="The promoted page (id, title, url), if not a link.")


class SearchPagination(WagtailLimitOffsetPagination):
    """Wagtail's limit and offset; the answer adds the facets, promotions and a suggestion."""

    class Output(Schema):
        count: int = Field(description="Results in all (promoted results not counted).")
        items: list[Any]
        facets: Facets
        promoted: list[PromotedResult] = Field(
            description="MCD's recommended results for the query, shown before the others."
        )
        did_you_mean: str | None = Field(
            description="When nothing matched: a title or hero's name close to the query."
        )

    def paginate_queryset(self, search, pagination, request, **params):
        check = WagtailLimitOffsetPagination.paginate_queryset
        check(self, [], pagination, request, **params)  # the limit's bounds, as elsewhere
        return search(offset=pagination.offset, limit=pagination.limit, request=request)


def _type_of(page):
    for name, (model, _label) in selectors.TYPES.items():
        if isinstance(page, model):
            return name
    return selectors.OTHER_TYPE[0]


def _result(page, request):
    return {
        "id": page.pk,
        "type": _type_of(page),
        "title": page.title,
        "url": page.get_full_url(request),
        "excerpt": str(page.search_excerpt),
        "hero_name": getattr(page, "hero_name", None),
        "headline": getattr(page, "headline", None),
    }


@router.get(
    "/",
    response=list[SearchResult],
    url_name="search",
    summary="Search the live pages of a language, with facets",
    description=(
        "Full-text search over the live, public stories, events, missions and pages of one "
        "locale, in that language (stemmed, accents folded). Facet counts are the numbers of "
        "results each value gives together with the other facets chosen."
    ),
    operation_id="search",
)
@paginate(SearchPagination)
def search(request, params: SearchParameters = Query(...)):  # noqa: B008
    locale = get_locale(params.locale)
    if params.type and params.type not in {*selectors.TYPES, selectors.OTHER_TYPE[0]}:
        raise bad_parameter("type", "Use one of: story, event, mission, page.")
    filters = selectors.SearchFilters(
        type=params.type or "",
        country=check_country(params.country),
        mission=params.mission,
        category=params.category or "",
        tag=params.tag or "",
    )

    def run(*, offset, limit, request):
        with translation.override(locale.language_code):
            outcome = selectors.search_public_pages(
                params.q, locale=locale, filters=filters, offset=offset, limit=limit
            )
            if outcome.query and offset == 0 and not filters.chosen():
                record_search(
                    outcome.query, locale=locale, found=bool(outcome.count or outcome.promoted)
                )
            return {
                "count": outcome.count,
                "items": [_result(page, request) for page in outcome.results],
                "facets": {
                    name: [
                        {
                            "value": str(value.value),
                            "label": str(value.label),
                            "count": value.count,
                            "selected": value.selected,
                        }
                        for value in values
                    ]
                    for name, values in outcome.facets.items()
                }
                or {name: [] for name in selectors.FACETS},
                "promoted": [
                    {
                        "title": item.title,
                        "url": request.build_absolute_uri(item.url) if item.url else "",
                        "description": item.description,
                        "page": live_page_link(item.page) if item.page else None,
                    }
                    for item in outcome.promoted
                ],
                "did_you_mean": outcome.did_you_mean or None,
            }

    return run


class Suggestions(Schema):
    suggestions: list[str] = Field(description="Titles and heroes' names, best first.")


class SuggestionParameters(Schema):
    q: str = Field("", description="What has been typed so far.")
    locale: str | None = Field(None, description=LOCALE_DESCRIPTION)


@router.get(
    "/suggestions/",
    response=Suggestions,
    url_name="search_suggestions",
    summary="Autocomplete: titles and heroes' names starting like the words typed",
    operation_id="search_suggestions",
)
def suggestions(request, params: SuggestionParameters = Query(...)):  # noqa: B008
    locale = get_locale(params.locale)
    return {"suggestions": selectors.suggestions(params.q, locale=locale)}
