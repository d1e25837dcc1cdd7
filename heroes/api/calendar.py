"""The campaign calendar as JSON: `/api/v3/calendar/?start=…&end=…`.

Events and hero features whose local dates (where they take place) overlap the range, with
the same arithmetic as the site's calendar page (heroes.calendar).
"""

import datetime as dt
from typing import Literal

from django.db.models import prefetch_related_objects
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from wagtail.api.v2.utils import get_full_url

from cms.core.api_fields import CountryDict, CountryField, live_page_link
from heroes import calendar, selectors
from heroes.api.params import (
    LOCALE_DESCRIPTION,
    bad_parameter,
    check_country,
    get_locale,
    get_mission,
)
from heroes.api.schemas import PageLink
from heroes.models import EventKind

router = Router(tags=["calendar"])

MAX_RANGE = dt.timedelta(days=366)
EventKindLiteral = Literal[tuple(EventKind.values)]
_country = CountryField("country")


#: The days the calendar can answer for (heroes.calendar's years).
FIRST_DAY = dt.date(calendar.FIRST_YEAR, 1, 1)
LAST_DAY = dt.date(calendar.LAST_YEAR, 12, 31)


class CalendarFilters(Schema):
    start: dt.date = Field(
        ..., ge=FIRST_DAY, le=LAST_DAY, description="First day (YYYY-MM-DD), inclusive."
    )
    end: dt.date = Field(
        ...,
        ge=FIRST_DAY,
        le=LAST_DAY,
        description="Last day (YYYY-MM-DD), inclusive; a year at most.",
    )
    locale: str | None = Field(None, description=LOCALE_DESCRIPTION)
    country: str | None = Field(None, description="ISO 3166 code of the event's country.")
    kind: EventKindLiteral | None = Field(None, description="Only events of this kind.")
    mission: int | None = Field(None, description="Id of a mission hub: its events only.")


class CalendarEvent(Schema):
    id: int
    title: str
    kind: EventKindLiteral
    kind_label: str
    start: dt.datetime
    end: dt.datetime
    all_day: bool
    time_zone: str
    local_start: dt.datetime = Field(description="The start where the event takes place.")
    local_end: dt.datetime
    first_day: dt.date = Field(description="First local day of the event.")
    last_day: dt.date
    location: str
    country: CountryDict | None
    intro: str
    url: str | None
    detail_url: str
    registration_url: str
    mission: PageLink | None
    hero_story: PageLink | None


class Calendar(Schema):
    start: dt.date
    end: dt.date
    locale: str
    count: int
    items: list[CalendarEvent]

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "start": "2026-11-01",
                    "end": "2026-11-30",
                    "locale": "en",
                    "count": 1,
                    "items": [
                        {
                            "id": 42,
                            "title": "Amina's sewing exhibition",
                            "kind": "hero_feature",
                            "kind_label": "Hero feature",
                            "start": "2026-11-05T09:00:00Z",
                            "end": "2026-11-05T17:00:00Z",
                            "all_day": False,
                            "time_zone": "Africa/Nairobi",
                            "local_start": "2026-11-05T12:00:00+03:00",
                            "local_end": "2026-11-05T20:00:00+03:00",
                            "first_day": "2026-11-05",
                            "last_day": "2026-11-05",
                            "location": "Nairobi",
                            "country": {"code": "KE", "name": "Kenya"},
                            "intro": "Amina shows the dresses of her students.",
                            "url": "https://migrantheroes.example/en/missions/kenya/exhibition/",
                            "detail_url": "https://migrantheroes.example/api/v3/pages/42/",
                            "registration_url": "",
                            "mission": {
                                "id": 5,
                                "title": "IOM Kenya",
                                "url": "https://migrantheroes.example/en/missions/kenya/",
                            },
                            "hero_story": None,
                        }
                    ],
                }
            ]
        }
    }


def event_items(events, request):
    """Calendar items for `events`, with a fixed number of extra queries."""
    prefetch_related_objects(events, "locale", "hero_story__locale")
    hubs = selectors.missions_above(events)
    kinds = dict(EventKind.choices)
    items = []
    for event in events:
        first_day, last_day = event.local_dates
        items.append(
            {
                "id": event.pk,
                "title": event.title,
                "kind": event.kind,
                "kind_label": str(kinds.get(event.kind, event.kind)),
                "start": event.start,
                "end": event.end,
                "all_day": event.all_day,
                "time_zone": event.time_zone,
                "local_start": event.local_start,
                "local_end": event.local_end,
                "first_day": first_day,
                "last_day": last_day,
                "location": event.location,
                "country": _country.to_representation(event),
                "intro": event.intro,
                "url": event.get_full_url(request),
                "detail_url": get_full_url(
                    request, reverse("wagtailapi_v3:detail_page", kwargs={"page_id": event.pk})
                ),
                "registration_url": event.registration_url,
                "mission": live_page_link(hubs.get(event.path[: -event.steplen])),
                "hero_story": live_page_link(event.hero_story),
            }
        )
    return items


@router.get(
    "/",
    response=Calendar,
    url_name="calendar",
    summary="Events and hero features between two dates",
    description=(
        "Live events whose local dates overlap [start, end] (a year at most), soonest "
        "first. Bad or reversed dates answer 422 with a problem document naming the "
        "parameter."
    ),
    operation_id="calendar",
)
def get_calendar(request, filters: CalendarFilters = Query(...)):  # noqa: B008
    if filters.end < filters.start:
        raise bad_parameter("end", _("The end date is before the start date."))
    if filters.end - filters.start > MAX_RANGE:
        raise bad_parameter("end", _("The range is longer than one year; ask for less."))
    locale = get_locale(filters.locale)
    mission = get_mission(filters.mission, locale=locale)
    events = calendar.events_between(
        locale=locale,
        first_day=filters.start,
        last_day=filters.end,
        country=check_country(filters.country),
        kind=filters.kind,
    )
    if mission is not None:
        events = [event for event in events if event.path.startswith(mission.path)]
    items = event_items(events, request)
    return {
        "start": filters.start,
        "end": filters.end,
        "locale": locale.language_code,
        "count": len(items),
        "items": items,
    }
