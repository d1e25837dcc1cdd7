"""The benchmark's corpus: a campaign of realistic size, built with tests/factories.py.

One site: home page, story index (/en/stories/), calendar (/en/calendar/), missions index
with its hubs; under the hubs live, public stories with their own photo (small, so the
corpus builds fast; every rendition the site makes still works), drafts, password-protected
stories, and one event a day from tomorrow (so a calendar range of n days holds n events,
which the constant-queries check relies on). With `locales=True`, every page also exists in
French, Spanish and Arabic as an alias of its English source, as wagtail-localize keeps the
trees in step (cms.core.locales.sync_trees): 10,000 stories are 40,000 story pages.

The few pages above the hubs and the sample story are made as the site makes them (the
factories, page by page, every signal; their aliases by wagtail-localize). The many pages
under the hubs are the same factories' pages, written in bulk (bulk_pages.py): one INSERT
per table per batch instead of some fifty queries each, with the search index filled once
at the end.
"""

import datetime as dt
import hashlib
import io
from dataclasses import asdict, dataclass

import factory.random
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from PIL import Image
from wagtail.models import Locale, Page, PageViewRestriction, Site

from bench import bulk_pages
from bench.sizes import TINY, Sizes  # noqa: F401 (TINY: the smallest, for tests)
from cms.core.locales import sync_locales
from cms.core.models import CampaignImage
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
BATCH = 500  # pages written per INSERT


@dataclass
class Corpus:
    sizes: Sizes
    home: Page
    story: Page  # a live, public story (its page, the oEmbed of its URL)
    first_event_day: dt.date

    def describe(self):
        return {**asdict(self.sizes), "pages": Page.objects.count() - 1}


def _no_progress(message):
    pass


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


def _tags(number):
    return [TAGS[number % len(TAGS)], TAGS[(number * 3 + 1) % len(TAGS)]]


def _sample_story(hub, category):
    """The story the benchmark opens, shares and finds alone by its unique word and tag.

    Made as the site makes a page (the factory, every signal), as are the pages above it.
    """
    return HeroStoryPageFactory(
        parent=hub,
        category=category,
        photo=ImageFactory(file__width=PHOTO_SIZE[0], file__height=PHOTO_SIZE[1]),
        body=_body(0),
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


def _photo_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", PHOTO_SIZE, (200, 120, 60)).save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


def _photos(stories, data):
    """A photo of its own for each story (one file each, rows written in one INSERT)."""
    images = []
    for story in stories:
        name = default_storage.save("original_images/photo.jpg", io.BytesIO(data))
        images.append(
            ImageFactory.build(
                file=name,
                width=PHOTO_SIZE[0],
                height=PHOTO_SIZE[1],
                file_size=len(data),
                file_hash=hashlib.sha1(data).hexdigest(),  # noqa: S324 (as Wagtail's)
                title=f"Portrait of {story.hero_name}",
                description=f"{story.hero_name} smiling at the camera",
            )
        )
    CampaignImage.objects.bulk_create(images)
    for story, image in zip(stories, images, strict=True):
        story.photo = image
    return images


class _Builder:
    """The pages under the hubs, in batches, each batch with its aliases in every locale."""

    def __init__(self, hubs, categories, sizes, progress):
        self.hubs = hubs
        self.categories = categories
        self.sizes = sizes
        self.progress = progress
        self.tree = bulk_pages.Tree()
        self.photo = _photo_bytes()
        self.locales = list(Locale.objects.exclude(pk=hubs[0].locale_id)) if sizes.locales else []
        self.written = 0
        self.total = (sizes.stories - 1 + sizes.drafts + sizes.private + sizes.events) * (
            1 + len(self.locales)
        )
        self.images = []
        self.pages = {}  # model -> ids of the pages written, for the search index
        self.aliases = {}  # model -> (source id, alias id) of the aliases written

    def write(self, pages, *, tags=None, restricted=False):
        """Insert `pages` (built, unsaved, each with `_parent`) and their aliases."""
        for start in range(0, len(pages), BATCH):
            batch = pages[start : start + BATCH]
            batch_tags = tags[start : start + BATCH] if tags else None
            if hasattr(batch[0], "photo_id"):
                self.images += _photos(batch, self.photo)
            self.tree.insert(batch)
            self.pages.setdefault(type(batch[0]), []).extend(page.pk for page in batch)
            copies = [batch]
            for locale in self.locales:
                aliases = self.tree.insert_aliases(batch, locale)
                self.aliases.setdefault(type(batch[0]), []).extend(
                    (source.pk, alias.pk) for source, alias in zip(batch, aliases, strict=True)
                )
                copies.append(aliases)
            for written in copies:
                if batch_tags:
                    bulk_pages.tag(written, batch_tags)
                if restricted:
                    PageViewRestriction.objects.bulk_create(
                        PageViewRestriction(
                            page_id=page.pk,
                            restriction_type=PageViewRestriction.PASSWORD,
                            password="secret",  # noqa: S106 (a throwaway corpus)
                        )
                        for page in written
                    )
                self.written += len(written)
            self.progress(f"pages {self.written:,}/{self.total:,}")
        return pages

    def stories(self, numbers, **kwargs):
        pages = []
        for n in numbers:
            hub = self.hubs[n % len(self.hubs)]
            page = HeroStoryPageFactory.build(
                parent=hub,
                photo=None,
                category=kwargs.get("category", self.categories[n % len(self.categories)]),
                body=_body(n),
                tags=None,
                nominated=kwargs.get("nominated", n % 4 == 0),
                draft=kwargs.get("draft", False),
            )
            page._parent = hub
            pages.append(page)
        return self.write(
            pages,
            tags=[_tags(n) for n in numbers],
            restricted=kwargs.get("restricted", False),
        )

    def events(self, first_day, stories):
        pages = []
        for n in range(self.sizes.events):
            hub = self.hubs[n % len(self.hubs)]
            start = dt.datetime.combine(
                first_day + dt.timedelta(days=n), dt.time(10), tzinfo=dt.UTC
            )
            page = EventPageFactory.build(
                parent=hub,
                kind=EVENT_KINDS[n % len(EVENT_KINDS)],
                start=start,
                end=start + dt.timedelta(hours=2),
                time_zone=TIME_ZONES[n % len(TIME_ZONES)],
                hero_story=stories[n % len(stories)] if n % 3 == 0 else None,
            )
            page._parent = hub
            pages.append(page)
        return self.write(pages)

    def finish(self):
        self.tree.save_child_counts()
        bulk_pages.index(self.pages, self.images, self.aliases, progress=self.progress)


def build_corpus(sizes=None, *, seed=2026, progress=_no_progress):
    """Build the corpus in the current (empty) database; the same seed, the same content."""
    sizes = sizes or Sizes()
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
        sample = _sample_story(hubs[0], categories[0])
        if sizes.locales:
            progress("the site's pages in every locale (wagtail-localize)")
            sync_locales()

        builder = _Builder(hubs, categories, sizes, progress)
        stories = [sample, *builder.stories(range(1, sizes.stories))]
        extra = sizes.stories
        builder.stories(
            range(extra, extra + sizes.drafts), category=None, nominated=False, draft=True
        )
        extra += sizes.drafts
        builder.stories(
            range(extra, extra + sizes.private), category=None, nominated=False, restricted=True
        )
        first_event_day = timezone.now().date() + dt.timedelta(days=1)
        builder.events(first_event_day, stories)
        builder.finish()
    return Corpus(sizes=sizes, home=home, story=sample, first_event_day=first_event_day)
