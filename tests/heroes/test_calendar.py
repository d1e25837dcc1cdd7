import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from wagtail.models import PageViewRestriction

from heroes.calendar import (
    Month,
    calendar_span,
    events_between,
    events_in_month,
    month_grid,
)
from heroes.models import EventKind
from tests.factories import EventPageFactory, MissionHubPageFactory, MissionIndexPageFactory

NOVEMBER = Month(2026, 11)
DECEMBER = Month(2026, 12)
OCTOBER = Month(2026, 10)


def at(year, month, day, hour=0, minute=0, *, tz="UTC"):
    """An aware datetime, wall-clock time in `tz`."""
    return dt.datetime(year, month, day, hour, minute, tzinfo=ZoneInfo(tz))


def event_at(parent, start, *, hours=2, minutes=0, **kwargs):
    """An event at `start` (aware, in its own time zone) lasting `hours` and `minutes`."""
    return EventPageFactory(
        parent=parent,
        start=start,
        end=start + dt.timedelta(hours=hours, minutes=minutes),
        time_zone=str(start.tzinfo),
        **kwargs,
    )


def days_of(grid):
    return [day for week in grid for day in week]


def day_in(grid, date):
    return next(day for day in days_of(grid) if day.date == date)


# Month ----------------------------------------------------------------------------------


def test_a_month_is_written_year_dash_month():
    assert Month.parse("2026-11") == NOVEMBER
    assert str(NOVEMBER) == "2026-11"
    assert str(Month(2027, 1)) == "2027-01"


@pytest.mark.parametrize(
    "value", ["2026-13", "2026-00", "26-11", "abc", "2026-1", "2026/11", "2026-11-01", ""]
)
def test_anything_else_is_not_a_month(value):
    with pytest.raises(ValueError):
        Month.parse(value)


@pytest.mark.parametrize("value", ["0001-01", "1899-12", "2201-01", "9999-12"])
def test_a_month_beyond_the_years_the_calendar_pages_through_is_refused(value):
    with pytest.raises(ValueError):
        Month.parse(value)


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["1900-01", "2200-12"])
def test_the_first_and_last_months_of_the_calendar_can_be_shown(home_page, value):
    # The SQL window reaches 14 hours beyond the month on either side.
    assert month_grid(locale=home_page.locale, month=Month.parse(value))


def test_the_month_before_january_is_december_of_the_year_before():
    assert Month(2026, 1).previous == Month(2025, 12)
    assert NOVEMBER.previous == OCTOBER


def test_the_month_after_december_is_january_of_the_year_after():
    assert DECEMBER.next == Month(2027, 1)
    assert OCTOBER.next == NOVEMBER


def test_months_are_ordered_in_time():
    assert Month(2025, 12) < Month(2026, 1) < NOVEMBER


def test_a_month_knows_its_first_and_last_day():
    assert Month(2028, 2).first_day == dt.date(2028, 2, 1)
    assert Month(2028, 2).last_day == dt.date(2028, 2, 29)
    assert Month(2026, 2).last_day == dt.date(2026, 2, 28)


def test_the_month_containing_a_day():
    assert Month.containing(dt.date(2026, 11, 30)) == NOVEMBER


# The month grid -------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_month_grid_is_whole_weeks_from_monday(mission_hub):
    grid = month_grid(locale=mission_hub.locale, month=NOVEMBER)

    assert all(len(week) == 7 for week in grid)
    assert all(week[0].date.weekday() == 0 for week in grid)
    days = [day.date for day in days_of(grid)]
    assert days == [days[0] + dt.timedelta(days=n) for n in range(len(days))]
    # 1 November 2026 is a Sunday, 30 November a Monday.
    assert days[0] == dt.date(2026, 10, 26)
    assert days[-1] == dt.date(2026, 12, 6)


@pytest.mark.django_db
def test_the_month_grid_marks_the_days_of_the_month(mission_hub):
    grid = month_grid(locale=mission_hub.locale, month=NOVEMBER)

    in_month = [day.date for day in days_of(grid) if day.in_month]
    assert in_month == [dt.date(2026, 11, n) for n in range(1, 31)]


# Month boundaries are where the event takes place ---------------------------------------


@pytest.mark.django_db
def test_an_event_after_midnight_in_nairobi_is_in_december_though_november_in_utc(
    mission_hub,
):
    concert = event_at(mission_hub, at(2026, 12, 1, 1, 0, tz="Africa/Nairobi"))
    assert concert.start == at(2026, 11, 30, 22, 0)

    assert events_in_month(locale=mission_hub.locale, month=DECEMBER) == [concert]
    assert events_in_month(locale=mission_hub.locale, month=NOVEMBER) == []
    grid = month_grid(locale=mission_hub.locale, month=DECEMBER)
    assert day_in(grid, dt.date(2026, 12, 1)).events == [concert]
    assert day_in(grid, dt.date(2026, 11, 30)).events == []


@pytest.mark.django_db
def test_an_evening_event_in_mexico_city_is_in_november_though_december_in_utc(mission_index):
    mexico = MissionHubPageFactory(parent=mission_index, country="MX")
    fiesta = event_at(
        mexico, at(2026, 11, 30, 23, 30, tz="America/Mexico_City"), hours=0, minutes=29
    )
    assert fiesta.start == at(2026, 12, 1, 5, 30)

    assert events_in_month(locale=mexico.locale, month=NOVEMBER) == [fiesta]
    assert events_in_month(locale=mexico.locale, month=DECEMBER) == []
    grid = month_grid(locale=mexico.locale, month=NOVEMBER)
    assert day_in(grid, dt.date(2026, 11, 30)).events == [fiesta]
    assert day_in(grid, dt.date(2026, 12, 1)).events == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("local_start", "month"),
    [
        # UTC+14: 10:30 UTC on 30 November.
        (at(2026, 12, 1, 0, 30, tz="Pacific/Kiritimati"), DECEMBER),
        # UTC-11: 10:00 UTC on 1 December.
        (at(2026, 11, 30, 23, 0, tz="Pacific/Pago_Pago"), NOVEMBER),
    ],
)
def test_events_at_the_far_ends_of_the_time_zones_are_in_their_local_month(
    mission_hub, local_start, month
):
    event = event_at(mission_hub, local_start, hours=0)

    assert events_in_month(locale=mission_hub.locale, month=month) == [event]
    assert events_in_month(locale=mission_hub.locale, month=month.next) == []
    assert events_in_month(locale=mission_hub.locale, month=month.previous) == []


@pytest.mark.django_db
def test_an_event_ending_at_midnight_is_not_shown_on_the_next_day(mission_hub):
    evening = event_at(mission_hub, at(2026, 11, 30, 20, 0, tz="Africa/Nairobi"), hours=4)

    assert evening.local_dates == (dt.date(2026, 11, 30), dt.date(2026, 11, 30))
    assert events_in_month(locale=mission_hub.locale, month=DECEMBER) == []
    grid = month_grid(locale=mission_hub.locale, month=NOVEMBER)
    assert day_in(grid, dt.date(2026, 11, 30)).events == [evening]
    assert day_in(grid, dt.date(2026, 12, 1)).events == []


@pytest.mark.django_db
def test_an_event_from_midnight_to_midnight_is_on_one_day(mission_hub):
    whole_day = event_at(mission_hub, at(2026, 11, 30, tz="Africa/Nairobi"), hours=24)

    assert whole_day.local_dates == (dt.date(2026, 11, 30), dt.date(2026, 11, 30))


@pytest.mark.django_db
def test_an_event_starting_and_ending_at_midnight_is_on_that_day(mission_hub):
    moment = event_at(mission_hub, at(2026, 12, 1, tz="Africa/Nairobi"), hours=0)

    assert moment.local_dates == (dt.date(2026, 12, 1), dt.date(2026, 12, 1))
    assert events_in_month(locale=mission_hub.locale, month=DECEMBER) == [moment]


@pytest.mark.django_db
def test_an_event_spanning_two_months_is_in_both_on_each_day_it_spans(mission_hub):
    festival = EventPageFactory(
        parent=mission_hub,
        start=at(2026, 10, 30, 10, 0, tz="Africa/Nairobi"),
        end=at(2026, 11, 2, 18, 0, tz="Africa/Nairobi"),
        time_zone="Africa/Nairobi",
    )
    festival_days = {dt.date(2026, 10, 30) + dt.timedelta(days=n) for n in range(4)}

    for month in (OCTOBER, NOVEMBER):
        assert events_in_month(locale=mission_hub.locale, month=month) == [festival]
        grid = month_grid(locale=mission_hub.locale, month=month)
        for day in days_of(grid):
            assert day.events == ([festival] if day.date in festival_days else []), day.date


@pytest.mark.django_db
def test_events_between_two_days_include_those_overlapping_the_edges(mission_hub):
    before = event_at(mission_hub, at(2026, 11, 9, 20, 0))
    overlapping_the_start = event_at(mission_hub, at(2026, 11, 9, 23, 0), hours=2)
    inside = event_at(mission_hub, at(2026, 11, 12, 9, 0))
    overlapping_the_end = event_at(mission_hub, at(2026, 11, 15, 23, 0), hours=3)
    after = event_at(mission_hub, at(2026, 11, 16, 9, 0))

    events = events_between(
        locale=mission_hub.locale,
        first_day=dt.date(2026, 11, 10),
        last_day=dt.date(2026, 11, 15),
    )

    assert events == [overlapping_the_start, inside, overlapping_the_end]
    assert before not in events
    assert after not in events


@pytest.mark.django_db
def test_a_month_lists_its_events_in_start_order(mission_hub):
    later = event_at(mission_hub, at(2026, 11, 20, 18, 0))
    sooner = event_at(mission_hub, at(2026, 11, 3, 18, 0))

    assert events_in_month(locale=mission_hub.locale, month=NOVEMBER) == [sooner, later]


# Filters --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_calendar_can_show_one_countrys_events(mission_hub, mission_index):
    mexico = MissionHubPageFactory(parent=mission_index, country="MX")
    in_kenya = event_at(mission_hub, at(2026, 11, 10, 18, 0), country="KE")
    event_at(mexico, at(2026, 11, 10, 18, 0), country="MX")

    assert events_in_month(locale=mission_hub.locale, month=NOVEMBER, country="KE") == [in_kenya]
    grid = month_grid(locale=mission_hub.locale, month=NOVEMBER, country="KE")
    assert day_in(grid, dt.date(2026, 11, 10)).events == [in_kenya]


@pytest.mark.django_db
def test_the_calendar_can_show_one_kind_of_event(mission_hub):
    concert = event_at(mission_hub, at(2026, 11, 10, 18, 0), kind=EventKind.CONCERT)
    event_at(mission_hub, at(2026, 11, 10, 18, 0), kind=EventKind.FESTIVAL)

    assert events_in_month(locale=mission_hub.locale, month=NOVEMBER, kind=EventKind.CONCERT) == [
        concert
    ]


@pytest.mark.django_db
def test_the_calendar_leaves_out_draft_and_private_events(mission_hub):
    published = event_at(mission_hub, at(2026, 11, 10, 18, 0))
    event_at(mission_hub, at(2026, 11, 11, 18, 0), draft=True)
    private = event_at(mission_hub, at(2026, 11, 12, 18, 0))
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    assert events_in_month(locale=mission_hub.locale, month=NOVEMBER) == [published]


@pytest.mark.django_db
def test_the_calendar_of_a_language_leaves_out_the_events_of_the_others(
    mission_hub, french_home_page
):
    english = event_at(mission_hub, at(2026, 11, 10, 18, 0))
    french_hub = MissionHubPageFactory(
        parent=MissionIndexPageFactory(parent=french_home_page), country="KE"
    )
    french = event_at(french_hub, at(2026, 11, 10, 18, 0))

    assert events_in_month(locale=mission_hub.locale, month=NOVEMBER) == [english]
    assert events_in_month(locale=french_hub.locale, month=NOVEMBER) == [french]


# The calendar's span: the campaign's years, one year either side ------------------------------


@pytest.mark.django_db
def test_the_calendar_spans_the_years_of_the_campaigns_events_and_one_year_either_side(
    mission_hub,
):
    event_at(mission_hub, at(2026, 3, 8, 10, 0))
    event_at(mission_hub, at(2027, 11, 1, 10, 0))

    span = calendar_span(locale=mission_hub.locale, today=dt.date(2026, 6, 15))

    assert (span.first, span.last) == (Month(2025, 1), Month(2028, 12))
    assert Month(2025, 1) in span and Month(2028, 12) in span
    assert Month(2024, 12) not in span and Month(2029, 1) not in span


@pytest.mark.django_db
def test_the_calendar_opens_on_this_month_during_the_campaigns_years(mission_hub):
    event_at(mission_hub, at(2026, 11, 1, 10, 0))

    span = calendar_span(locale=mission_hub.locale, today=dt.date(2026, 2, 3))

    assert span.opening == Month(2026, 2)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("today", "opening"),
    [(dt.date(2025, 12, 31), Month(2026, 3)), (dt.date(2027, 1, 1), Month(2026, 11))],
)
def test_outside_the_campaigns_years_the_calendar_opens_on_its_nearest_month_with_an_event(
    mission_hub, today, opening
):
    event_at(mission_hub, at(2026, 3, 8, 10, 0))
    event_at(mission_hub, at(2026, 11, 1, 10, 0))

    assert calendar_span(locale=mission_hub.locale, today=today).opening == opening


@pytest.mark.django_db
def test_the_campaigns_months_are_the_local_months_of_its_events(mission_hub):
    """A concert at 01:00 on 1 January 2027 in Nairobi is still 2026 in UTC: 2027 it is."""
    event_at(mission_hub, at(2027, 1, 1, 1, 0, tz="Africa/Nairobi"))

    span = calendar_span(locale=mission_hub.locale, today=dt.date(2030, 5, 1))

    assert span.opening == Month(2027, 1)
    assert (span.first, span.last) == (Month(2026, 1), Month(2028, 12))


@pytest.mark.django_db
def test_without_events_the_calendar_spans_this_year_and_one_year_either_side(mission_hub):
    event_at(mission_hub, at(2020, 5, 1, 10, 0), draft=True)  # a draft is no campaign date

    span = calendar_span(locale=mission_hub.locale, today=dt.date(2026, 7, 4))

    assert (span.first, span.last, span.opening) == (
        Month(2025, 1),
        Month(2027, 12),
        Month(2026, 7),
    )
