"""The newsletter digest: `/api/v3/missions/<code>/digest/` and `/api/v3/digest/` (campaign).

The same digest as the admin's (heroes.digest.build_digest): the new stories of a month or a
range, the events coming up after it and the story of the month, as JSON (story cards and
calendar items, as /stories/ and /calendar/ give them), as the email-safe HTML fragment or as
plain text. It holds nothing but live, public content, so it is public and cached like every
other anonymous read of the API.
"""

import datetime as dt
from typing import Literal

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from cms.core.api_fields import page_link
from heroes import digest
from heroes.api.calendar import CalendarEvent, event_items
from heroes.api.params import LOCALE_DESCRIPTION, bad_parameter, get_locale
from heroes.api.schemas import PageLink, StoryCard
from heroes.api.stories import story_cards
from heroes.models import Mission

router = Router(tags=["newsletter digest"])
missions_router = Router(tags=["newsletter digest"])

MEDIA_TYPES = {"html": "text/html; charset=utf-8", "text": "text/plain; charset=utf-8"}


class DigestFilters(Schema):
    locale: str | None = Field(None, description=LOCALE_DESCRIPTION)
    month: str | None = Field(
        None,
        pattern=r"^\d{4}-\d{2}$",
        description="A month (YYYY-MM, e.g. 2026-10). Without it, nor start and end: the "
        "previous month.",
    )
    start: dt.date | None = Field(None, description="First day (YYYY-MM-DD), with `end`.")
    end: dt.date | None = Field(
        None, description=f"Last day (YYYY-MM-DD), inclusive; {digest.MAX_DAYS} days at most."
    )
    format: Literal["json", "html", "text"] = Field(
        "json",
        description="json (structured), html (an email-safe fragment to paste into a "
        "newsletter: tables, inline styles, absolute links) or text (plain text).",
    )


class DigestMission(Schema):
    code: str = Field(description="ISO 3166 code of the mission's country.")
    name: str
    hub: PageLink


class DigestPick(Schema):
    month: str = Field(description="YYYY-MM", examples=["2026-10"])
    is_winner: bool = Field(description="MCD's pick for the whole campaign.")
    story: StoryCard


class DigestLinks(Schema):
    stories: str | None = Field(description="The mission's hub, or every story of the language.")
    calendar: str | None
    nominate: str | None = Field(description="The public nomination form.")


class Digest(Schema):
    locale: str
    dir: Literal["ltr", "rtl"]
    mission: DigestMission | None = Field(description="None: the whole campaign.")
    start: dt.date
    end: dt.date
    stories_count: int = Field(description="New stories in the range (items: the first ones).")
    stories: list[StoryCard]
    stories_of_the_month: list[DigestPick] = Field(
        description="The mission's pick of its best story (campaign-wide: MCD's pick) of each "
        "month the range touches; not repeated among `stories`."
    )
    events_from: dt.date
    events_until: dt.date
    events: list[CalendarEvent] = Field(description="Events between events_from and _until.")
    links: DigestLinks

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "locale": "fr",
                    "dir": "ltr",
                    "mission": {
                        "code": "KE",
                        "name": "Kenya",
                        "hub": {
                            "id": 5,
                            "title": "OIM Kenya",
                            "url": "https://migrantheroes.example/fr/missions/kenya/",
                        },
                    },
                    "start": "2026-10-01",
                    "end": "2026-10-31",
                    "stories_count": 0,
                    "stories": [],
                    "stories_of_the_month": [],
                    "events_from": "2026-11-01",
                    "events_until": "2026-12-12",
                    "events": [],
                    "links": {
                        "stories": "https://migrantheroes.example/fr/missions/kenya/",
                        "calendar": "https://migrantheroes.example/fr/calendar/",
                        "nominate": "https://migrantheroes.example/fr/nominate/",
                    },
                }
            ]
        }
    }


def _as_json(result, request):
    stories = [item.page for item in result.stories]
    picks = [pick.story.page for pick in result.picks]
    cards = story_cards(stories + picks, request)
    mission = None
    if result.mission is not None:
        mission = {
            "code": result.mission.country.code,
            "name": result.mission.name,
            "hub": page_link(result.hub),
        }
    return {
        "locale": result.language_code,
        "dir": result.direction,
        "mission": mission,
        "start": result.period.start,
        "end": result.period.end,
        "stories_count": result.stories_total,
        "stories": cards[: len(stories)],
        "stories_of_the_month": [
            {"month": f"{pick.month:%Y-%m}", "is_winner": pick.is_winner, "story": card}
            for pick, card in zip(result.picks, cards[len(stories) :], strict=True)
        ],
        "events_from": result.events_from,
        "events_until": result.events_until,
        "events": event_items([item.page for item in result.events], request),
        "links": result.links,
    }


def _answer(request, filters, mission):
    locale = get_locale(filters.locale)
    try:
        period = digest.period(month=filters.month, start=filters.start, end=filters.end)
        result = digest.build_digest(locale=locale, mission=mission, period=period)
    except digest.PeriodError as error:
        raise bad_parameter(error.field, error.message) from None
    except digest.MissionNotPublic:
        raise Http404(
            _("The mission has no live page in this language: %(locale)s.")
            % {"locale": locale.language_code}
        ) from None
    if filters.format == "json":
        return _as_json(result, request)
    render = digest.render_html if filters.format == "html" else digest.render_text
    response = HttpResponse(render(result), content_type=MEDIA_TYPES[filters.format])
    response["Content-Language"] = result.language_code
    return response


_OTHER_FORMATS = {
    "responses": {
        200: {
            "content": {
                "text/html": {"schema": {"type": "string"}},
                "text/plain": {"schema": {"type": "string"}},
            }
        }
    }
}
_DESCRIPTION = (
    "Live, public stories first published in the range (a month, `start`–`end`, or the "
    "previous month), in the requested language (translations, else the English page as the "
    f"site shows it), the events of the {digest.UPCOMING_DAYS} days after the range (or from "
    "today, if later) and the story of the month. `format=html` is a fragment for an email: "
    "tables, inline styles, absolute links and images. Bad or reversed dates, a range over "
    f"{digest.MAX_DAYS} days or both a month and dates answer 422 naming the parameter."
)


@missions_router.get(
    "/{code}/digest/",
    response=Digest,
    url_name="mission_digest",
    summary="A mission's newsletter digest",
    description=_DESCRIPTION + " An unknown mission, or one not live in the language, is a 404.",
    operation_id="mission_digest",
    openapi_extra=_OTHER_FORMATS,
)
def mission_digest(request, code: str, filters: DigestFilters = Query(...)):  # noqa: B008
    mission = Mission.objects.filter(country=code.upper()[:2]).first() if len(code) == 2 else None
    if mission is None:
        raise Http404(_("No mission has the code %(code)r.") % {"code": code})
    return _answer(request, filters, mission)


@router.get(
    "/",
    response=Digest,
    url_name="campaign_digest",
    summary="The campaign's newsletter digest (every mission)",
    description=_DESCRIPTION,
    operation_id="campaign_digest",
    openapi_extra=_OTHER_FORMATS,
)
def campaign_digest(request, filters: DigestFilters = Query(...)):  # noqa: B008
    return _answer(request, filters, None)
