"""Factories of the campaign's models, for the test suite and the benchmark corpus.

Realistic by default (faker names, a credited photo with written consent, a Kenyan mission …)
so that a corpus built from them looks like the campaign's content.

Pages are added to the tree under `parent=`: a HomePage under the tree root (the default),
indexes and the calendar under a HomePage, hubs under the MissionIndexPage, stories and events
under a MissionHubPage. A page factory other than HomePageFactory refuses to run without a
parent rather than create a second tree root. Pages are live and published unless built with
`draft=True`. Slugs are left to Wagtail, which makes them unique among siblings.

    home = HomePageFactory()
    hub = MissionHubPageFactory(parent=MissionIndexPageFactory(parent=home), country="KE")
    story = HeroStoryPageFactory(parent=hub, tags=["music"])
    draft = HeroStoryPageFactory(parent=hub, draft=True)
"""

import datetime as dt

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify
from django_countries import countries
from factory.django import DjangoModelFactory
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Collection, Locale, Page

from cms.core.models import CampaignDocument, CampaignImage, PhotoConsent, User
from heroes.models import (
    CalendarPage,
    EventKind,
    EventPage,
    HeroCategory,
    HeroIndexPage,
    HeroStoryPage,
    MissionHubPage,
    MissionIndexPage,
    NominatePage,
)
from home.models import CampaignMaterial, HomePage

# Where the campaign's heroes come from, and where the missions telling their stories are.
ORIGIN_COUNTRIES = ["SY", "AF", "VE", "SO", "UA", "MM", "HT", "CD", "SD", "ER", "PH", "CO"]
MISSION_COUNTRIES = [code for code, _name in countries]
HERO_CATEGORIES = [
    "Artist",
    "Athlete",
    "Entrepreneur",
    "Health worker",
    "Public figure",
    "Teacher",
    "Volunteer",
]
HEADLINES = [
    "{first_name} opened a bakery that now feeds half the neighbourhood",
    "The nurse who kept a clinic in {country} open through the floods",
    "{first_name} teaches coding to girls who had never touched a computer",
    "How {first_name} built a football league for newcomers in {country}",
    "{first_name}'s choir sings in eleven languages",
    "From refugee to mayor's adviser: {first_name}'s story",
    "{first_name} turned an empty lot in {country} into a community garden",
]


def _sentence(text):
    """A faker sentence without its final full stop, as in a headline."""
    return text.rstrip(".")


class LocaleFactory(DjangoModelFactory):
    """A content language; get-or-create, so `LocaleFactory(language_code="fr")` is idempotent."""

    language_code = "en"

    class Meta:
        model = Locale
        django_get_or_create = ("language_code",)


def _default_locale():
    return Locale.get_default()


def _root_collection():
    # wagtail_factories would add a new root collection per image; use the one Wagtail made.
    return Collection.get_first_root_node()


class UserFactory(DjangoModelFactory):
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    username = factory.LazyAttributeSequence(
        lambda o, n: f"{slugify(o.first_name)}.{slugify(o.last_name)}.{n}"
    )
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("correct horse battery staple")

    class Meta:
        model = User
        skip_postgeneration_save = True

    class Params:
        superuser = factory.Trait(is_superuser=True, is_staff=True)


class ImageFactory(wagtail_factories.ImageFactory):
    """A campaign photo: alt text, a photographer credit and written consent on file."""

    title = factory.LazyAttribute(lambda o: _sentence(o.description))
    description = factory.Faker("sentence", nb_words=8)
    credit = factory.LazyAttribute(lambda o: f"© IOM {timezone.now().year} / {o.photographer}")
    consent = PhotoConsent.WRITTEN
    collection = factory.LazyFunction(_root_collection)
    # Large enough for every rendition the site makes (fill-1200x630 for sharing).
    file = factory.django.ImageField(
        width=1600, height=1200, color=factory.Faker("safe_color_name"), filename="photo.jpg"
    )

    class Meta:
        model = CampaignImage

    class Params:
        photographer = factory.Faker("name")


class DocumentFactory(wagtail_factories.DocumentFactory):
    title = "#MigrantHeroes info sheet"
    description = factory.Faker("sentence", nb_words=12)
    collection = factory.LazyFunction(_root_collection)
    file = factory.django.FileField(
        filename="migrantheroes-info-sheet.pdf", data=b"%PDF-1.4\n% #MigrantHeroes\n%%EOF\n"
    )

    class Meta:
        model = CampaignDocument


class HeroCategoryFactory(DjangoModelFactory):
    name = factory.Iterator(HERO_CATEGORIES)
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    description = factory.LazyAttribute(lambda o: f"Stories of migrant heroes: {o.name.lower()}s")
    locale = factory.LazyFunction(_default_locale)

    class Meta:
        model = HeroCategory
        django_get_or_create = ("slug", "locale")


class CampaignMaterialFactory(DjangoModelFactory):
    title = "#MigrantHeroes info sheet (A4)"
    kind = CampaignMaterial.Kind.INFO_SHEET
    description = factory.Faker("sentence", nb_words=12)
    document = factory.SubFactory(DocumentFactory)
    locale = factory.LazyFunction(_default_locale)

    class Meta:
        model = CampaignMaterial


# Pages ------------------------------------------------------------------------------------


class CampaignPageFactory(wagtail_factories.PageFactory):
    """Base of the page factories: needs a parent; live and published unless `draft=True`."""

    slug = ""  # Wagtail makes one from the title, unique among the siblings
    live = True
    has_unpublished_changes = False
    first_published_at = factory.Maybe("live", factory.LazyFunction(timezone.now), None)
    last_published_at = factory.SelfAttribute("first_published_at")

    class Meta:
        abstract = True

    class Params:
        draft = factory.Trait(live=False, has_unpublished_changes=True)

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        if parent is None:
            raise TypeError(
                f"{cls.__name__} needs parent=<a page>: it would otherwise make a new tree root."
            )
        return super()._create_instance(model_class, parent, kwargs)


class HomePageFactory(CampaignPageFactory):
    """A language's landing page, under the tree root by default."""

    parent = factory.LazyFunction(Page.get_first_root_node)
    title = "Migrant Heroes"
    banner_heading = "Celebrating the migrants who make our communities stronger"
    banner_text = "Read their stories, nominate a hero, vote for the story of the month."
    intro = "<p>Every month, the campaign tells the story of a migrant hero.</p>"

    class Meta:
        model = HomePage


class HeroIndexPageFactory(CampaignPageFactory):
    title = "Hero stories"
    intro = "<p>The stories of migrant heroes around the world.</p>"

    class Meta:
        model = HeroIndexPage


class MissionIndexPageFactory(CampaignPageFactory):
    title = "Missions"
    intro = "<p>The country offices taking part in the campaign.</p>"

    class Meta:
        model = MissionIndexPage


class MissionHubPageFactory(CampaignPageFactory):
    """A country office's hub; `headquarters=True` for MCD's."""

    country = factory.Sequence(lambda n: MISSION_COUNTRIES[n % len(MISSION_COUNTRIES)])
    is_headquarters = False
    office_name = factory.LazyAttribute(lambda o: f"IOM {countries.name(str(o.country))}")
    title = factory.SelfAttribute("office_name")
    description = factory.LazyAttribute(
        lambda o: f"<p>{o.office_name} tells the stories of the migrant heroes it works with.</p>"
    )
    focal_point_name = factory.Faker("name")
    focal_point_contact = factory.LazyAttribute(
        lambda o: f"migrantheroes.{(str(o.country) or 'hq').lower()}@example.org"
    )
    facebook_url = factory.LazyAttribute(lambda o: f"https://www.facebook.com/{slugify(o.title)}")

    class Meta:
        model = MissionHubPage

    class Params:
        headquarters = factory.Trait(
            is_headquarters=True, country="", office_name="IOM Headquarters (MCD)"
        )


def _country_of_the_mission(story):
    """Where the mission under which a story or event is made works (Kenya for HQ's)."""
    parent = story.parent.specific if story.parent is not None else None
    return getattr(parent, "country", "") or "KE"


class HeroStoryPageFactory(CampaignPageFactory):
    """A published hero story; `tags=["music", …]` tags it, `nominated=True` credits a nominator."""

    hero_name = factory.Faker("name")
    title = factory.SelfAttribute("hero_name")
    headline = factory.LazyAttribute(
        lambda o: o.headline_template.format(
            first_name=o.hero_name.split()[0], country=countries.name(str(o.country_of_residence))
        )
    )
    photo = factory.SubFactory(
        ImageFactory,
        title=factory.LazyAttribute(lambda o: f"Portrait of {o.factory_parent.hero_name}"),
        description=factory.LazyAttribute(
            lambda o: f"{o.factory_parent.hero_name} smiling at the camera"
        ),
    )
    country_of_origin = factory.Iterator(ORIGIN_COUNTRIES)
    country_of_residence = factory.LazyAttribute(_country_of_the_mission)
    intro = factory.Faker("paragraph", nb_sentences=3)
    body = factory.LazyFunction(list)

    class Meta:
        model = HeroStoryPage
        skip_postgeneration_save = True

    class Params:
        headline_template = factory.Iterator(HEADLINES)
        nominated = factory.Trait(
            nominator_name=factory.Faker("name"), nominator_agreed_to_credit=True
        )

    @factory.post_generation
    def tags(obj, create, extracted, **kwargs):
        if extracted:
            obj.tags.add(*extracted)
            if create:
                obj.save()


class CalendarPageFactory(CampaignPageFactory):
    title = "Calendar"
    intro = "<p>Campaign events, hero features and partner events near you.</p>"

    class Meta:
        model = CalendarPage


class EventPageFactory(CampaignPageFactory):
    """A two-hour campaign event in the coming months, in the mission's country.

    Times are aware datetimes; pass `start=` (and `end=`) in the event's `time_zone`, e.g.
    `dt.datetime(2026, 12, 1, 1, 0, tzinfo=ZoneInfo("Africa/Nairobi"))`.
    """

    title = factory.LazyAttribute(lambda o: f"#MigrantHeroes {o.occasion} in {o.location}")
    kind = EventKind.CAMPAIGN_EVENT
    start = factory.Faker("date_time_between", start_date="+1d", end_date="+90d", tzinfo=dt.UTC)
    end = factory.LazyAttribute(lambda o: o.start + dt.timedelta(hours=2))
    time_zone = "UTC"
    location = factory.Faker("city")
    country = factory.LazyAttribute(_country_of_the_mission)
    intro = factory.Faker("paragraph", nb_sentences=2)
    body = factory.LazyFunction(list)

    class Meta:
        model = EventPage

    class Params:
        occasion = factory.Faker(
            "random_element", elements=["meet-up", "concert", "exhibition", "talk", "screening"]
        )


class NominatePageFactory(CampaignPageFactory):
    title = "Nominate a hero"
    intro = "<p>Do you know a migrant who makes a difference? Tell us their story.</p>"

    class Meta:
        model = NominatePage


class EmbedFactory(DjangoModelFactory):
    """A post's oEmbed data as Wagtail's embed finders store it (so nothing is fetched)."""

    url = factory.Sequence(lambda n: f"https://www.youtube.com/watch?v=migrantheroes{n}")
    hash = factory.LazyAttribute(lambda o: get_embed_hash(o.url))
    type = "video"
    title = "#MigrantHeroes: Amina's workshop"
    author_name = "IOM - UN Migration"
    provider_name = "YouTube"
    thumbnail_url = "https://i.ytimg.com/vi/migrantheroes/hqdefault.jpg"
    width = 560
    height = 315
    html = factory.LazyAttribute(
        lambda o: f'<iframe width="{o.width}" height="{o.height}" src="{o.url}"></iframe>'
    )

    class Meta:
        model = Embed
        django_get_or_create = ("hash",)


def story_body(*, image, link_page, document, embed):
    """A story body with one block of every type, as stored (stable block ids).

    The paragraph links to `link_page` and `document`; the call-out to `link_page`.
    """
    return [
        {
            "type": "paragraph",
            "id": "0b7e4d4e-0001-4000-8000-000000000001",
            "value": (
                f'<p>Amina learnt to sew with <a linktype="page" id="{link_page.pk}">'
                f'{link_page.title}</a>; read <a linktype="document" id="{document.pk}">'
                f"{document.title}</a>.</p>"
            ),
        },
        {
            "type": "quote",
            "id": "0b7e4d4e-0002-4000-8000-000000000002",
            "value": {"quote": "Every dress is a new beginning.", "attribution": "Amina"},
        },
        {
            "type": "image",
            "id": "0b7e4d4e-0003-4000-8000-000000000003",
            "value": {
                "image": {"image": image.pk, "decorative": False, "alt_text": ""},
                "caption": "The workshop in Eastleigh",
            },
        },
        {"type": "embed", "id": "0b7e4d4e-0004-4000-8000-000000000004", "value": embed.url},
        {
            "type": "callout",
            "id": "0b7e4d4e-0005-4000-8000-000000000005",
            "value": {
                "heading": "Know a hero like Amina?",
                "text": "Tell us their story.",
                "link_page": link_page.pk,
                "link_url": "",
                "link_text": "",
            },
        },
    ]


class VotePageFactory(CampaignPageFactory):
    title = "Vote"
    slug = "vote"
    intro = "<p>Choose the 3 best of the 10 stories shortlisted by headquarters.</p>"

    class Meta:
        model = "heroes.VotePage"


class VotingRoundFactory(DjangoModelFactory):
    """A round of the public vote, open now by default, its shortlist from `stories=[…]`."""

    title = factory.Sequence(lambda n: f"Public vote {2026 + n}")
    time_zone = "Europe/Zurich"
    opens_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1))
    closes_at = factory.LazyAttribute(lambda o: o.opens_at + dt.timedelta(days=10))
    max_choices = 3

    class Meta:
        model = "heroes.VotingRound"
        skip_postgeneration_save = True

    @factory.post_generation
    def stories(self, create, stories, **kwargs):
        from heroes.models import ShortlistedStory

        for position, story in enumerate(stories or []):
            ShortlistedStory.objects.create(round=self, story=story, sort_order=position)
