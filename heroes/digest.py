"""The newsletter digest: what a mission (or MCD, for the whole campaign) pastes into a newsletter.

The campaign's guidelines ask missions to give updates in their newsletter and their partners'
("Field Mission's newsletter") and to feature the stories on their website. A digest is, for
one mission (or every mission) and one language, over a month or a date range:

- the new stories: live, public stories of that language first published in the range (the
  language's own pages, translations and aliases alike, as the site's listings show them);
- the events coming up after the range (from the day after it, or today if later, for
  `UPCOMING_DAYS`), by their local dates as the calendar counts them (heroes.calendar);
- the story of the month: the mission's own pick of its best story (heroes.models.spotlight),
  or, campaign-wide, MCD's; shown in the language when translated there.

`build_digest` is the one place a digest is made (the admin's page and the API call it);
`render_html` makes the email-safe HTML (tables, inline styles, absolute links and images of a
size made at publish) and `render_text` the plain text, both in the digest's language and
direction. A fixed number of queries, whatever the number of stories and events.
"""

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format, time_format
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from wagtail.images.models import Filter

from cms.core.consent import publishable
from cms.core.renditions import RENDITIONS_MADE_AT_PUBLISH
from cms.core.selectors import public_pages
from cms.core.sites import absolute_url
from heroes import calendar, selectors
from heroes.models import CalendarPage, NominatePage, StoryOfTheMonth

#: A digest covers at most this many days (a year, leap or not).
MAX_DAYS = 366
#: The events after the range that a digest announces: six weeks.
UPCOMING_DAYS = 42
#: New stories shown at most (a newsletter is not the archive): the rest are counted and the
#: digest links to the site's listing.
MAX_STORIES = 24
#: The size of a story's photo in the digest: a fixed 600 px wide crop, the width of an email,
#: made when the story is published (cms.core.renditions), so a digest never makes one.
PHOTO_RENDITION = "fill-600x400"
PHOTO_WIDTH, PHOTO_HEIGHT = 600, 400
if PHOTO_RENDITION not in RENDITIONS_MADE_AT_PUBLISH:  # pragma: no cover - a setting's typo
    raise RuntimeError(f"{PHOTO_RENDITION} is not made at publish: the digest would make it.")

HASHTAG = "#MigrantHeroes"


class PeriodError(ValueError):
    """A month or range a digest cannot cover; `field` names the bad input."""

    def __init__(self, field, message):
        super().__init__(message)
        self.field = field
        self.message = message


class MissionNotPublic(LookupError):
    """The mission has no live, public hub in the digest's language."""


@dataclass(frozen=True)
class Period:
    """Days from `start` to `end`, both included, in the campaign's time zone."""

    start: dt.date
    end: dt.date

    @property
    def month(self):
        """The calendar month the period is exactly, else None."""
        month = calendar.Month.containing(self.start)
        if self.start == month.first_day and self.end == month.last_day:
            return month
        return None

    def bounds(self):
        """[first instant, instant after the last day) as aware datetimes."""
        zone = zoneinfo.ZoneInfo(settings.CAMPAIGN_TIME_ZONE)
        first = dt.datetime.combine(self.start, dt.time.min, zone)
        after = dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time.min, zone)
        return first, after


def campaign_today():
    return timezone.localdate(timezone=zoneinfo.ZoneInfo(settings.CAMPAIGN_TIME_ZONE))


def period(*, month=None, start=None, end=None, today=None):
    """The period of a digest: `month` ("YYYY-MM"), or `start` and `end` (dates), else the
    previous calendar month. Raises PeriodError naming the bad input."""
    if month and (start or end):
        raise PeriodError("month", _("Give either a month or a start and an end date, not both."))
    if month:
        try:
            month = calendar.Month.parse(str(month))
        except ValueError:
            raise PeriodError(
                "month", _("%(value)r is not a month (YYYY-MM).") % {"value": month}
            ) from None
        return Period(month.first_day, month.last_day)
    if start is None and end is None:
        previous = calendar.Month.containing(today or campaign_today()).previous
        return Period(previous.first_day, previous.last_day)
    if start is None or end is None:
        missing = "start" if start is None else "end"
        raise PeriodError(missing, _("Give both a start and an end date."))
    for name, day in (("start", start), ("end", end)):
        if not calendar.FIRST_YEAR <= day.year <= calendar.LAST_YEAR:
            raise PeriodError(
                name,
                _("Choose a date between the years %(first)s and %(last)s.")
                % {"first": calendar.FIRST_YEAR, "last": calendar.LAST_YEAR},
            )
    if end < start:
        raise PeriodError("end", _("The end date is before the start date."))
    if (end - start).days + 1 > MAX_DAYS:
        raise PeriodError(
            "end", _("A digest covers %(days)s days at most; ask for less.") % {"days": MAX_DAYS}
        )
    return Period(start, end)


# What a digest holds -----------------------------------------------------------------------


@dataclass
class Photo:
    url: str
    width: int
    height: int
    alt: str
    credit: str


@dataclass
class StoryItem:
    page: object  # HeroStoryPage, in the digest's language (or its alias there)
    url: str
    photo: Photo | None
    mission: object | None  # the live hub above it


@dataclass
class EventItem:
    page: object  # EventPage
    url: str
    first_day: dt.date
    last_day: dt.date
    mission: object | None

    @property
    def when(self):
        """Its dates (and times), where it takes place, in the active language."""
        event = self.page
        first, last = date_format(self.first_day), date_format(self.last_day)
        if event.all_day:
            days = first if first == last else f"{first} – {last}"
            return f"{days} ({_('all day')})"
        start, end = event.local_start, event.local_end
        if self.first_day == self.last_day:
            span = f"{first}, {time_format(start)} – {time_format(end)}"
        else:
            span = f"{first}, {time_format(start)} – {last}, {time_format(end)}"
        return f"{span} ({_('local time, %(zone)s') % {'zone': event.time_zone}})"

    @property
    def place(self):
        country = str(self.page.country.name) if self.page.country else ""
        return ", ".join(part for part in (self.page.location, country) if part)


@dataclass
class MonthPick:
    month: dt.date  # the first day of the month
    story: StoryItem
    is_winner: bool  # MCD's pick for the whole campaign


@dataclass
class Digest:
    locale: object
    period: Period
    events_from: dt.date
    events_until: dt.date
    mission: object | None = None  # heroes.Mission; None: the whole campaign
    hub: object | None = None  # the mission's hub in the digest's language
    stories: list = field(default_factory=list)
    stories_total: int = 0
    events: list = field(default_factory=list)
    picks: list = field(default_factory=list)
    links: dict = field(default_factory=dict)

    @property
    def language_code(self):
        return self.locale.language_code

    @property
    def direction(self):
        return "rtl" if get_language_info(self.language_code)["bidi"] else "ltr"

    @property
    def more_stories(self):
        return self.stories_total - len(self.stories)


def _photo(story):
    """The story's photo at PHOTO_RENDITION, if the public may see it and that size exists.

    Only an existing rendition (prefetched with the story) is used: rendering a digest never
    resizes a photo. A story published before the size was made shows without its photo.
    """
    image = publishable(story.photo)
    if image is None:
        return None
    wanted = Filter(spec=PHOTO_RENDITION)
    rendition = image.find_existing_renditions(wanted).get(wanted)
    if rendition is None:
        return None
    return Photo(
        url=absolute_url(rendition.url),
        width=rendition.width,
        height=rendition.height,
        alt=image.default_alt_text or "",
        credit=getattr(image, "credit", ""),
    )


def _page_url(page):
    return absolute_url(page.get_url())


def _story_items(stories):
    hubs = selectors.missions_above(stories)
    return [
        StoryItem(
            page=story,
            url=_page_url(story),
            photo=_photo(story),
            mission=hubs.get(story.path[: -story.steplen]),
        )
        for story in stories
    ]


def _picks(*, locale, period, mission):
    """The stories of the month of the months the period touches, in `locale`."""
    picks = StoryOfTheMonth.objects.filter(
        month__gte=period.start.replace(day=1), month__lte=period.end
    ).select_related("story")
    picks = picks.filter(mission=mission) if mission is not None else picks.winners()
    picks = list(picks.order_by("month"))
    stories = selectors.live_stories_in_order([pick.story_id for pick in picks], locale=locale)
    prefetch_related_objects(stories, "locale")
    by_key = {item.page.translation_key: item for item in _story_items(stories)}
    return [
        MonthPick(
            month=pick.month, story=by_key[pick.story.translation_key], is_winner=pick.is_winner
        )
        for pick in picks
        if pick.story.translation_key in by_key
    ]


def _first_public(model, locale):
    page = public_pages(model.objects.filter(locale=locale)).first()
    return _page_url(page) if page is not None else None


def build_digest(*, locale, mission=None, period, today=None):
    """The digest of `mission` (a heroes.Mission; None for the whole campaign) in `locale`.

    Raises MissionNotPublic when the mission has no live, public hub in that language.
    """
    today = today or campaign_today()
    hub = None
    if mission is not None:
        hub = (
            selectors.public_missions()
            .filter(locale=locale, country=mission.country, is_headquarters=False)
            .first()
        )
        if hub is None:
            raise MissionNotPublic(mission)

    picks = _picks(locale=locale, period=period, mission=mission)
    picked = {pick.story.page.pk for pick in picks}
    first, after = period.bounds()
    new = (
        selectors.live_stories(locale=locale, mission=hub)
        .filter(first_published_at__gte=first, first_published_at__lt=after)
        .exclude(pk__in=picked)
        .select_related("locale")
    )
    stories = list(new[:MAX_STORIES])
    total = new.count()

    events_from = max(period.end + dt.timedelta(days=1), today)
    events_until = events_from + dt.timedelta(days=UPCOMING_DAYS - 1)
    events = calendar.events_between(locale=locale, first_day=events_from, last_day=events_until)
    if hub is not None:
        events = [event for event in events if event.path.startswith(hub.path)]
    hubs = selectors.missions_above(events)
    event_items = []
    for event in events:
        first_day, last_day = event.local_dates
        event_items.append(
            EventItem(
                page=event,
                url=_page_url(event),
                first_day=first_day,
                last_day=last_day,
                mission=hubs.get(event.path[: -event.steplen]),
            )
        )

    index = selectors.story_index(locale=locale)
    links = {
        "stories": _page_url(hub) if hub is not None else (_page_url(index) if index else None),
        "calendar": _first_public(CalendarPage, locale),
        "nominate": _first_public(NominatePage, locale),
    }
    return Digest(
        locale=locale,
        period=period,
        events_from=events_from,
        events_until=events_until,
        mission=mission,
        hub=hub,
        stories=_story_items(stories),
        stories_total=total,
        events=event_items,
        picks=picks,
        links=links,
    )


# Rendering ----------------------------------------------------------------------------------


def _context(digest):
    period = digest.period
    if digest.hub is not None:
        title = _("News from %(mission)s") % {"mission": digest.hub.title}
    else:
        title = _("News from the campaign")
    return {
        "digest": digest,
        "title": title,
        "month": period.month.first_day if period.month else None,
        "hashtag": HASHTAG,
        "campaign_wide": digest.mission is None,
    }


def render_html(digest):
    """The digest as an HTML fragment for an email: tables, inline styles, absolute URLs."""
    with translation.override(digest.language_code):
        return render_to_string("heroes/digest/digest.html", _context(digest)).strip() + "\n"


def render_text(digest):
    """The digest as plain text, with the same items and links as its HTML."""
    with translation.override(digest.language_code):
        text = render_to_string("heroes/digest/digest.txt", _context(digest))
    # Templates leave blank lines where tags stood: at most one empty line in a row.
    lines, previous_blank = [], True
    for line in (line.rstrip() for line in text.splitlines()):
        if not line and previous_blank:
            continue
        lines.append(line)
        previous_blank = not line
    return "\n".join(lines).strip() + "\n"
