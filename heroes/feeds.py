"""Feeds of the campaign: RSS 2.0 of stories and iCalendar (RFC 5545) of events.

    /<lang>/feeds/stories.rss                       every live story of the language
    /<lang>/feeds/missions/<hub slug>/stories.rss   one mission's
    /<lang>/calendar.ics                            every live event of the language
    /<lang>/feeds/missions/<hub slug>/calendar.ics  one mission's

Only live, public pages are listed (heroes.selectors). Events keep a stable UID (their
translation key and language) and carry a SEQUENCE that grows with each published revision,
so calendar apps update them in place.
"""

import datetime as dt
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Count, F, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from cms.core.sites import absolute_url
from heroes import selectors

FEED_LENGTH = 30
CALENDAR_PAST = dt.timedelta(days=90)


def _feed_scope(request, mission_slug):
    """The locale of the URL's language and, for a mission feed, its live hub (else 404)."""
    locale = get_object_or_404(Locale, language_code=translation.get_language())
    mission = None
    if mission_slug is not None:
        mission = get_object_or_404(selectors.live_missions(locale=locale), slug=mission_slug)
    return locale, mission


class StoryFeed(Feed):
    """RSS 2.0 of the latest live stories of a language (or of one mission)."""

    feed_type = Rss201rev2Feed

    def get_object(self, request, mission=None):
        self.request = request
        return _feed_scope(request, mission)

    def title(self, scope):
        _locale, mission = scope
        if mission is not None:
            return _("#MigrantHeroes: stories of %(mission)s") % {"mission": mission.title}
        return _("#MigrantHeroes: hero stories")

    def link(self, scope):
        locale, mission = scope
        page = mission or selectors.story_index(locale=locale)
        if page is None:
            return absolute_url(f"/{locale.language_code}/")
        return page.get_full_url(self.request)

    def description(self, scope):
        return _("Stories of migrants who make a difference in their communities.")

    def feed_url(self, scope):
        return absolute_url(self.request.path)

    def items(self, scope):
        locale, mission = scope
        stories = selectors.live_stories(locale=locale, mission=mission)[:FEED_LENGTH]
        return list(stories.prefetch_related("tagged_items__tag").select_related("locale"))

    def item_title(self, story):
        return f"{story.hero_name}: {story.headline}"

    def item_description(self, story):
        return story.intro

    def item_link(self, story):
        return story.get_full_url(self.request)

    def item_guid(self, story):
        return story.get_full_url(self.request)

    def item_pubdate(self, story):
        return story.first_published_at

    def item_updateddate(self, story):
        return story.last_published_at

    def item_categories(self, story):
        return [item.tag.name for item in story.tagged_items.all()]

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        response["Content-Type"] = "application/rss+xml; charset=utf-8"
        return response


def _host(request):
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or request.get_host()


def calendar_events(*, locale, mission=None, now=None):
    """Live events of the calendar feed: from 90 days ago on, with their published revisions.

    The count of revisions made up to the last publication is the event's SEQUENCE: it
    grows with each publication (RFC 5545 asks for that on every significant change) and a
    draft saved since does not change it.
    """
    now = now or timezone.now()
    events = selectors.live_events(locale=locale, ends_after=now - CALENDAR_PAST, mission=mission)
    return events.select_related("locale").annotate(
        published_revisions=Count(
            "_revisions", filter=Q(_revisions__created_at__lte=F("last_published_at"))
        )
    )


def build_calendar(events, *, request, name):
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//IOM//#MigrantHeroes CMS//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    host = _host(request)
    for event in events:
        entry = icalendar.Event()
        entry.add("uid", f"{event.translation_key}.{event.locale.language_code}@{host}")
        entry.add("summary", event.title)
        entry.add("dtstamp", event.last_published_at or timezone.now())
        if event.last_published_at:
            entry.add("last-modified", event.last_published_at)
        entry.add("sequence", event.published_revisions)
        if event.all_day:
            first_day, last_day = event.local_dates
            entry.add("dtstart", first_day)
            entry.add("dtend", last_day + dt.timedelta(days=1))
        else:
            entry.add("dtstart", event.local_start)
            entry.add("dtend", event.local_end)
        if event.location or event.country:
            place = ", ".join(filter(None, [event.location, str(event.country.name or "")]))
            entry.add("location", place)
        if event.intro:
            entry.add("description", event.intro)
        url = event.get_full_url(request)
        if url:
            entry.add("url", url)
        entry.add("categories", [str(event.get_kind_display())])
        calendar.add_component(entry)
    calendar.add_missing_timezones()
    return calendar


@require_safe
def event_calendar(request, mission=None):
    """The iCalendar of a language's live events (or one mission's)."""
    locale, hub = _feed_scope(request, mission)
    if hub is not None:
        name = _("#MigrantHeroes: events of %(mission)s") % {"mission": hub.title}
    else:
        name = _("#MigrantHeroes: campaign calendar")
    calendar = build_calendar(
        calendar_events(locale=locale, mission=hub), request=request, name=name
    )
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="migrantheroes.ics"'
    return response
