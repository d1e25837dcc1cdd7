"""The benchmark's corpus: a campaign of realistic size, built with tests/factories.py.

One English site: home page, story index (/en/stories/), calendar (/en/calendar/), missions
index with its hubs; under the hubs live, public stories with their own photo (small, so
the corpus builds fast; every rendition the site makes still works), drafts, password-
protected stories, and one event a day from tomorrow (so a calendar range of n days holds
n events, which the constant-queries check relies on).
"""

import datetime as dt
from dataclasses import asdict, dataclass

import factory.random
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site

from heroes.models import EventKind
from tests.factories import (
    HERO_CATEGORIES,
    CalendarPageFactory,
    CampaignMaterialFactory,
    EventPageFactory,
    HeroCategoryFactory,
    HeroIndexPageFactory,
    HeroStoryPageFactory,
    HomePageFactory,
    ImageFactory,
    MissionHubPageFactory,
    MissionIndexPageFactory,
    NominatePageFactory,
)

MISSION_COUNTRIES = ["KE", "IT", "CO", "PH", "DE", "MX", "TR", "ZA"]
TAGS = ["music", "sport", "food", "health", "education", "art", "business", "community"]
TIME_ZONES = ["UTC", "Africa/Nairobi", "Europe/Rome", "America/Bogota", "Asia/Manila"]
EVENT_KINDS = [
    EventKind.CAMPAIGN_EVENT,
    EventKind.HERO_FEATURE,
    EventKind.CONCERT,
    EventKind.FESTIVAL,
    EventKind.PARTNER_EVENT,
]
SEARCH_WORD = "bakery"  # in one headline of seven (tests.factories.HEADLINES)
# The corpus's sample story alone has this word in its headline and this tag.
UNIQUE_WORD = "sewing"
PHOTO_SIZE = (320, 240)


@dataclass(frozen=True)
class Sizes:
    """How much content the corpus holds."""

    missions: int = 5
    stories: int = 200  # live and public, each with its own photo
    drafts: int = 20
    private: int = 10  # live but password-protected
    events: int = 100  # live, one a day from tomorrow


TINY = Sizes(missions=2, stories=3, drafts=1, private=1, events=3)


@dataclass
class Corpus:
    sizes: Sizes
    home: Page
    story: Page  # a live, public story (its page, the oEmbed of its URL)
    first_event_day: dt.date

    def describe(self):
        return {**asdict(self.sizes), "pages": Page.objects.count() - 1}


def _body(story_number):
    return [
        (
            "paragraph",
            "<p>They arrived with a suitcase and a plan. Today the whole street knows them: "
            "neighbours drop by for advice, for a meal, for the company.</p>"
            f"<p>Story {story_number} of the #MigrantHeroes campaign.</p>",
        ),
        ("quote", {"quote": "This city gave me a chance; I give it back.", "attribution": ""}),
    ]


def _story(hub, number, category, **kwargs):
    kwargs.setdefault("tags", [TAGS[number % len(TAGS)], TAGS[(number * 3 + 1) % len(TAGS)]])
    return HeroStoryPageFactory(
        parent=hub,
        category=category,
        photo=ImageFactory(file__width=PHOTO_SIZE[0], file__height=PHOTO_SIZE[1]),
        body=_body(number),
        **kwargs,
    )


def _sample_story(hub, category):
    """The story the benchmark opens, shares and finds alone by its unique word and tag."""
    return _story(
        hub,
        0,
        category,
        hero_name="Amina Yusuf",
        headline=f"Amina teaches {UNIQUE_WORD} in Nairobi",
        tags=[UNIQUE_WORD, TAGS[0]],
    )


def _site_home():
    """The English home page as the default site's root, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    root.get_children().delete()
    home = HomePageFactory(parent=root)
    Site.objects.create(
        hostname="localhost",
        port=80,
        site_name="#MigrantHeroes",
        root_page=home,
        is_default_site=True,
    )
    return home


def build_corpus(sizes=Sizes(), *, seed=2026):
    """Build the corpus in the current (empty) database; the same seed, the same content."""
    factory.random.reseed_random(seed)
    with transaction.atomic():
        home = _site_home()
        HeroIndexPageFactory(parent=home, slug="stories")
        CalendarPageFactory(parent=home, slug="calendar")
        NominatePageFactory(parent=home, slug="nominate")
        missions = MissionIndexPageFactory(parent=home, slug="missions")
        CampaignMaterialFactory()
        categories = [HeroCategoryFactory(name=name) for name in HERO_CATEGORIES]
        hubs = [
            MissionHubPageFactory(parent=missions, country=country)
            for country in (MISSION_COUNTRIES * 2)[: sizes.missions]
        ]

        stories = [_sample_story(hubs[0], categories[0])] + [
            _story(hubs[n % len(hubs)], n, categories[n % len(categories)], nominated=n % 4 == 0)
            for n in range(1, sizes.stories)
        ]
        for n in range(sizes.drafts):
            _story(hubs[n % len(hubs)], sizes.stories + n, None, draft=True)
        for n in range(sizes.private):
            private = _story(hubs[n % len(hubs)], sizes.stories + sizes.drafts + n, None)
            PageViewRestriction.objects.create(
                page=private,
                restriction_type=PageViewRestriction.PASSWORD,
                password="secret",  # noqa: S106 (a throwaway corpus)
            )

        first_event_day = timezone.now().date() + dt.timedelta(days=1)
        for n in range(sizes.events):
            start = dt.datetime.combine(
                first_event_day + dt.timedelta(days=n), dt.time(10), tzinfo=dt.UTC
            )
            EventPageFactory(
                parent=hubs[n % len(hubs)],
                kind=EVENT_KINDS[n % len(EVENT_KINDS)],
                start=start,
                end=start + dt.timedelta(hours=2),
                time_zone=TIME_ZONES[n % len(TIME_ZONES)],
                hero_story=stories[n % len(stories)] if n % 3 == 0 else None,
            )
    return Corpus(sizes=sizes, home=home, story=stories[0], first_event_day=first_event_day)
