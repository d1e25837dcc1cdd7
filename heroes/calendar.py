"""Calendar arithmetic: months, and which events fall on which local day.

An event belongs to the days it covers *where it takes place* (its own time zone), so a
concert at 01:00 on 1 December in Nairobi is a December event even though it starts on
30 November in UTC.
"""

import calendar
import datetime as dt
from dataclasses import dataclass

from heroes import selectors

# No inhabited place is further than 14 hours from UTC: widen the SQL window by that much,
# then keep exactly the events whose local dates overlap.
MAX_UTC_OFFSET = dt.timedelta(hours=14)
# The calendar pages through these years; beyond them a month is refused as bad input.
FIRST_YEAR, LAST_YEAR = 1900, 2200


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def containing(cls, day):
        return cls(day.year, day.month)

    @classmethod
    def parse(cls, value):
        """'2026-11' → Month(2026, 11); ValueError on anything else."""
        year, month = value.split("-")
        if len(year) != 4 or len(month) != 2:
            raise ValueError(value)
        result = cls(int(year), int(month))
        if not 1 <= result.month <= 12 or not FIRST_YEAR <= result.year <= LAST_YEAR:
            raise ValueError(value)
        return result

    def __str__(self):
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def first_day(self):
        return dt.date(self.year, self.month, 1)

    @property
    def last_day(self):
        return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    @property
    def previous(self):
        return Month(self.year - 1, 12) if self.month == 1 else Month(self.year, self.month - 1)

    @property
    def next(self):
        return Month(self.year + 1, 1) if self.month == 12 else Month(self.year, self.month + 1)


@dataclass(frozen=True)
class CalendarSpan:
    """The months the calendar pages through (`first` to `last`), and the month it opens on."""

    first: Month
    last: Month
    opening: Month

    def __contains__(self, month):
        return self.first <= month <= self.last


def calendar_span(*, locale, today):
    """The campaign's years, one year either side: the calendar goes no further.

    The campaign's years are those its live events (in `locale`) fall in, from the first
    event's to the last one's; this year when there is no event yet. The calendar opens on
    today's month within the campaign's years, else on the campaign's nearest month with an
    event (its first before the campaign, its last after it).
    """
    events = selectors.live_events(locale=locale)
    first_event = events.first()
    this_month = Month.containing(today)
    if first_event is None:
        first_year = last_year = today.year
        opening = this_month
    else:
        last_event = events.order_by("-end", "-pk").first()
        earliest = Month.containing(first_event.local_dates[0])
        latest = Month.containing(last_event.local_dates[1])
        first_year, last_year = earliest.year, latest.year
        if first_year <= today.year <= last_year:
            opening = this_month
        else:
            opening = min(max(this_month, earliest), latest)
    return CalendarSpan(
        first=Month(first_year - 1, 1), last=Month(last_year + 1, 12), opening=opening
    )


def events_between(*, locale, first_day, last_day, country=None, kind=None):
    """Live events whose local dates overlap [first_day, last_day], in start order."""
    window_start = dt.datetime.combine(first_day, dt.time.min, dt.UTC) - MAX_UTC_OFFSET
    window_end = dt.datetime.combine(last_day, dt.time.max, dt.UTC) + MAX_UTC_OFFSET
    candidates = selectors.live_events(
        locale=locale, starts_before=window_end, ends_after=window_start, country=country, kind=kind
    )
    return [
        event
        for event in candidates
        if event.local_dates[0] <= last_day and event.local_dates[1] >= first_day
    ]


def events_in_month(*, locale, month, country=None, kind=None):
    return events_between(
        locale=locale,
        first_day=month.first_day,
        last_day=month.last_day,
        country=country,
        kind=kind,
    )


@dataclass
class Day:
    date: dt.date
    in_month: bool
    events: list


def month_grid(*, locale, month, country=None, kind=None):
    """The month as weeks (Monday first) of Days, each with the events on that local day."""
    events = events_in_month(locale=locale, month=month, country=country, kind=kind)
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month):
        weeks.append(
            [
                Day(
                    date=day,
                    in_month=day.month == month.month,
                    events=[e for e in events if e.local_dates[0] <= day <= e.local_dates[1]],
                )
                for day in week
            ]
        )
    return weeks
