"""The heroes who became IOM Goodwill Ambassadors: `/api/v3/ambassadors/`.

Story cards (as `/api/v3/stories/` gives them) with each hero's mark: since when, and the
citation in the listing's language when translated (else the default language's). The
same list as the site's Ambassadors page (heroes.selectors.goodwill_ambassadors), with a
constant number of SQL queries whatever the page size.
"""

from ninja import Query, Router
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination

from cms.core.api_routes import listing
from heroes import selectors
from heroes.api.params import LocaleFilter, get_locale
from heroes.api.schemas import StoryCard
from heroes.api.stories import story_cards
from heroes.models.ambassadors import GoodwillAmbassadorDict, goodwill_ambassador_representation

router = Router(tags=["stories"])


class AmbassadorCard(StoryCard):
    """A story card and the hero's IOM Goodwill Ambassador mark."""

    goodwill_ambassador: GoodwillAmbassadorDict


class AmbassadorPagination(WagtailLimitOffsetPagination):
    """Wagtail's pagination; the page's stories are then made cards, with their marks."""

    def paginate_queryset(self, queryset, pagination, request, **params):
        page = super().paginate_queryset(queryset, pagination, request, **params)
        locale = get_locale(request.GET.get("locale"))
        stories = selectors.with_goodwill_ambassador_marks(
            selectors.with_card_relations(page["items"]), locale=locale
        )
        cards = story_cards(stories, request)
        for card, story in zip(cards, stories, strict=True):
            card["goodwill_ambassador"] = goodwill_ambassador_representation(
                story.goodwill_ambassador
            )
        page["items"] = cards
        return page


@listing(
    router,
    AmbassadorCard,
    name="ambassadors",
    summary="List the heroes who became IOM Goodwill Ambassadors",
    pagination=AmbassadorPagination,
    description=(
        "Live hero stories whose hero MCD made an IOM Goodwill Ambassador, the most recent "
        "first, as story cards with `goodwill_ambassador`: since when (ISO 8601 date) and "
        "the citation, in `locale` when translated (`citation_locale` says which)."
    ),
)
def list_ambassadors(request, filters: LocaleFilter = Query(...)):  # noqa: B008
    return selectors.goodwill_ambassadors(locale=get_locale(filters.locale))
