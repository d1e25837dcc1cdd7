"""The story of the month: MCD's pick of each month, `/api/v3/story-of-the-month/`."""

from ninja import Field, Query, Router, Schema

from heroes import selectors
from heroes.api.params import LocaleFilter, get_locale
from heroes.api.schemas import StoryCard
from heroes.api.stories import story_cards

router = Router(tags=["story of the month"])


class Winner(Schema):
    month: str = Field(description="YYYY-MM", examples=["2026-11"])
    story: StoryCard


class Winners(Schema):
    locale: str
    items: list[Winner]


class WinnerFilters(LocaleFilter):
    year: int | None = Field(None, ge=2000, le=2200, description="Only this year's winners.")


@router.get(
    "/",
    response=Winners,
    url_name="story_of_the_month",
    summary="Stories of the month, newest first",
    description=(
        "MCD's pick for each month so far, in the requested language when the story is "
        "translated (else in its own). The current story of the month is the first item."
    ),
    operation_id="story_of_the_month_list",
)
def list_winners(request, filters: WinnerFilters = Query(...)):  # noqa: B008
    locale = get_locale(filters.locale)
    winners = selectors.story_of_the_month_winners(locale=locale, year=filters.year)
    cards = story_cards([story for _month, story in winners], request)
    return {
        "locale": locale.language_code,
        "items": [
            {"month": f"{month:%Y-%m}", "story": card}
            for (month, _story), card in zip(winners, cards, strict=True)
        ],
    }
