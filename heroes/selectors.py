"""Named queries: every listing of the public site (and, later, the API) reads through these.

All of them return only live, public pages, so a draft or a private page cannot leak through
a view that forgot a filter.
"""

from django.db.models import Q
from django.utils import timezone

from heroes.models import EventPage, HeroIndexPage, HeroStoryPage, MissionHubPage

STORY_LISTING_RENDITIONS = ("fill-600x400", "fill-1200x630")


def story_index(*, locale):
    """The live story index of a language, or None."""
    return HeroIndexPage.objects.live().public().filter(locale=locale).first()


def live_missions(*, locale):
    return (
        MissionHubPage.objects.live()
        .public()
        .filter(locale=locale)
        .order_by("-is_headquarters", "title")
    )


def live_stories(*, locale=None, mission=None, country=None, tag=None, category=None):
    stories = HeroStoryPage.objects.live().public()
    if locale is not None:
        stories = stories.filter(locale=locale)
    if mission is not None:
        stories = stories.descendant_of(mission)
    if country:
        stories = stories.filter(Q(country_of_residence=country) | Q(country_of_origin=country))
    if tag:
        stories = stories.filter(tags__slug=tag)
    if category is not None:
        stories = stories.filter(category=category)
    return (
        stories.select_related("photo", "category")
        .prefetch_related("photo__renditions")
        .order_by("-first_published_at", "-pk")
        .distinct()
    )


def related_stories(story):
    """The editor's chosen related stories that are live, else the latest of the same mission."""
    chosen = live_stories_in_order([item.story_id for item in story.related_stories.all()])
    if chosen:
        return chosen
    if story.mission is None:
        return []
    return list(live_stories(mission=story.mission).exclude(pk=story.pk)[:3])


def live_stories_in_order(story_ids):
    """The live, public stories among `story_ids`, in the order given (an editor's choice)."""
    by_id = live_stories().filter(pk__in=story_ids).in_bulk()
    return [by_id[pk] for pk in story_ids if pk in by_id]


def featured_stories_of(hub):
    return live_stories_in_order([item.story_id for item in hub.featured_stories.all()])


def live_events(
    *,
    locale=None,
    starts_before=None,
    ends_after=None,
    country=None,
    kind=None,
    mission=None,
    story=None,
):
    events = EventPage.objects.live().public()
    if locale is not None:
        events = events.filter(locale=locale)
    if starts_before is not None:
        events = events.filter(start__lte=starts_before)
    if ends_after is not None:
        events = events.filter(end__gte=ends_after)
    if country:
        events = events.filter(country=country)
    if kind:
        events = events.filter(kind=kind)
    if mission is not None:
        events = events.descendant_of(mission)
    if story is not None:
        events = events.filter(hero_story=story)
    return events.select_related("hero_story").order_by("start", "pk")


def upcoming_events(*, locale=None, mission=None, story=None, now=None):
    """Events not yet over, soonest first."""
    return live_events(
        locale=locale, ends_after=now or timezone.now(), mission=mission, story=story
    )
