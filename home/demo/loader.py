"""Build the demo campaign. Idempotent: what exists already is left exactly as it is.

Everything is found by a stable key (a page's slug under its parent, an image's or a
document's title, a category's slug) and created only when missing, so a second run writes
nothing: no page, revision, image or document is added or changed.

Translations go through wagtail-localize, as a translator's work does: the English page or
snippet is the translation source, each segment's translation (home/demo/translations.py,
keyed by the English text) is entered in the translation memory where it is missing, and the
translation is saved and published from it. A translation already there is kept as it is, so a
translator's later edit survives a second run.
"""

import datetime as dt
import zoneinfo

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, DraftStateMixin, Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from cms.core.locales import sync_locales
from cms.core.models import CampaignSettings, PhotoConsent
from cms.core.roles import ensure_translator_groups
from cms.core.sites import sync_default_site
from heroes import setup_roles
from heroes.models import (
    AmbassadorsPage,
    CalendarPage,
    EventPage,
    GoodwillAmbassador,
    HeroCategory,
    HeroIndexPage,
    HeroStoryPage,
    MissionHubPage,
    MissionIndexPage,
    NominatePage,
    NominationCriteria,
    ShortlistedStory,
    VotePage,
    VotingRound,
)
from heroes.models.voting import SHORTLIST_SIZE
from heroes.services import missions
from home.demo import content, drawing, translations
from home.models import CampaignMaterial, HomeFeaturedStory, HomePage

COLLECTION_NAME = "Campaign demo"


def demo_focal_point_email(mission_slug):
    return f"focal-point.{mission_slug}@example.org"


class DemoLoader:
    def __init__(self, *, year=None, stdout=None):
        self.year = year or timezone.now().year
        self.created = []
        self.stdout = stdout

    @transaction.atomic
    def load(self):
        self.locale = Locale.get_default()
        self.collection = self._collection()
        self.categories = self._categories()
        home = self._home()
        self._child(
            home,
            HeroIndexPage,
            "stories",
            title="Hero stories",
            show_in_menus=True,
            intro="<p>Migrants who are heroes in their communities, told by the campaign's "
            "country offices.</p>",
        )
        mission_index = self._child(
            home,
            MissionIndexPage,
            "missions",
            title="Missions",
            show_in_menus=True,
            intro="<p>The country offices taking part in the campaign.</p>",
        )
        self._child(
            home,
            CalendarPage,
            "calendar",
            title="Campaign calendar",
            show_in_menus=True,
            intro="<p>Hero features, campaign dates and migration-related events: festivals, "
            "concerts, sports.</p>",
        )
        nominate = self._child(
            home,
            NominatePage,
            "nominate",
            title="Nominate a hero",
            show_in_menus=True,
            intro="<p>Do you know a migrant who makes a difference in their community? Tell "
            "us their story: the campaign team of their country will read it.</p>",
        )
        self._child(
            home,
            VotePage,
            "vote",
            title="Vote for the best stories",
            show_in_menus=True,
            intro="<p>Headquarters shortlisted ten stories. Choose the three best: your vote "
            "counts once you confirm it from the email we send you.</p>",
        )
        self._child(
            home,
            AmbassadorsPage,
            "ambassadors",
            title="IOM Goodwill Ambassadors",
            show_in_menus=True,
            intro="<p>Selected Migrant Heroes become IOM Goodwill Ambassadors, carrying the "
            "message that positive environments must be created for migrants.</p>",
        )
        hubs = self._hubs(mission_index)
        stories = self._stories(hubs)
        self._criteria()
        self._ambassadors(stories)
        self._voting_round(stories)
        self._events(hubs, stories)
        self._feature(
            home, [stories["jasmine-lee"], stories["cecile-kyenge"], stories["amina-yusuf"]]
        )
        self._calls_to_action(home, nominate)  # after _feature, which publishes its own copy
        self._materials()
        self._settings()
        self._languages()
        self._missions(hubs)
        self._translate(home, mission_index, hubs, stories)
        return self.created

    # Building blocks -----------------------------------------------------------------------

    def _note(self, what):
        self.created.append(what)
        if self.stdout:
            self.stdout.write(f"  + {what}")

    def _collection(self):
        root = Collection.get_first_root_node()
        existing = root.get_children().filter(name=COLLECTION_NAME).first()
        if existing:
            return existing
        self._note(f"collection {COLLECTION_NAME}")
        return root.add_child(name=COLLECTION_NAME)

    def _image(self, title, *, alt, data, focal=None, credit="", consent=PhotoConsent.NO_PERSON):
        Image = get_image_model()
        existing = Image.objects.filter(title=title, collection=self.collection).first()
        if existing:
            return existing
        image = Image(
            title=title,
            description=alt,
            credit=credit,
            consent=consent,
            collection=self.collection,
            file=ContentFile(data, name=f"{title.lower().replace(' ', '-')}.jpg"),
        )
        if focal:
            (image.focal_point_x, image.focal_point_y) = (
                focal[0] + focal[2] // 2,
                focal[1] + focal[3] // 2,
            )
            (image.focal_point_width, image.focal_point_height) = (focal[2], focal[3])
        image.save()
        self._note(f"image {title}")
        return image

    def _child(self, parent, model, slug, **fields):
        """The live child of `parent` with this slug, created and published if missing."""
        existing = model.objects.child_of(parent).filter(slug=slug).first()
        if existing:
            return existing
        clusters = fields.pop("clusters", {})
        page = model(slug=slug, locale=parent.locale, **fields)
        for name, items in clusters.items():
            setattr(page, name, items)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self._note(f"{model._meta.verbose_name} {page.title}")
        return page

    # The campaign -----------------------------------------------------------------------------

    def _categories(self):
        categories = {}
        for slug, name, description in content.CATEGORIES:
            category, created = HeroCategory.objects.get_or_create(
                slug=slug, locale=self.locale, defaults={"name": name, "description": description}
            )
            if created:
                self._note(f"hero category {name}")
            categories[slug] = category
        return categories

    def _home(self):
        home = HomePage.objects.filter(depth=2, locale=self.locale).first()
        if home is None:
            root = Page.get_first_root_node()
            # Wagtail's first migration leaves a placeholder "Welcome" page where ours goes.
            root.get_children().filter(
                slug="home", content_type__app_label="wagtailcore", numchild=0
            ).delete()
            banner = self._image(
                "Campaign banner",
                alt="The #MigrantHeroes campaign banner",
                data=drawing.banner("#MigrantHeroes"),
            )
            home = self._child(
                Page.get_first_root_node(),
                HomePage,
                "home",
                title="#MigrantHeroes",
                banner_image=banner,
                banner_heading="Migrants are heroes in their communities",
                banner_text="Read their stories, nominate a hero you know, and vote for the best.",
                intro="<p>Across the world, migrants teach, heal, build businesses and bring "
                "neighbours together. The #MigrantHeroes campaign tells their stories, in their "
                "own words and in many languages.</p>",
            )
        # The default Site answers at BASE_URL, so page URLs match the API's and the emails'.
        _site, changed = sync_default_site(root_page=home, site_name="#MigrantHeroes")
        if changed:
            self._note(f"default site at {settings.BASE_URL}")
        return home

    def _calls_to_action(self, home, nominate):
        """The home page's "Nominate a hero" card leads to the nomination page (an older demo
        sent an email instead, and had a vote card leading nowhere: the vote's own card,
        which follows the round's phase, replaces it)."""
        home = HomePage.objects.get(pk=home.pk)
        links = [block.value.get("link_page") for block in home.calls_to_action]
        if any(page is not None and page.pk == nominate.pk for page in links):
            return
        home.calls_to_action = [
            (
                "call_to_action",
                {
                    "heading": "Nominate a hero",
                    "text": "Do you know a migrant who makes a difference? Tell us their story.",
                    "link_page": nominate,
                    "link_text": "Send us a story",
                },
            )
        ]
        home.save_revision().publish()
        self._note("home page calls to action")

    def _voting_round(self, stories):
        """The public vote of the demo's year: 1 November 00:00 to 10 November 23:59 in the
        campaign's time zone, ten stories shortlisted (move_voting_round moves its window)."""
        title = f"Public vote {self.year}"
        if VotingRound.objects.filter(title=title).exists():
            return
        zone = zoneinfo.ZoneInfo(settings.CAMPAIGN_TIME_ZONE)
        voting_round = VotingRound.objects.create(
            title=title,
            time_zone=settings.CAMPAIGN_TIME_ZONE,
            opens_at=dt.datetime(self.year, 11, 1, tzinfo=zone),
            closes_at=dt.datetime(self.year, 11, 10, 23, 59, 59, 999_999, tzinfo=zone),
        )
        for position, slug in enumerate(list(stories)[:SHORTLIST_SIZE]):
            ShortlistedStory.objects.create(
                round=voting_round, story=stories[slug], sort_order=position
            )
        self._note(f"voting round {title}")

    def _hubs(self, mission_index):
        hubs = {
            content.HEADQUARTERS["slug"]: self._child(
                mission_index, MissionHubPage, is_headquarters=True, **content.HEADQUARTERS
            )
        }
        for mission in content.MISSIONS:
            hubs[mission["slug"]] = self._child(mission_index, MissionHubPage, **mission)
        return hubs

    def _stories(self, hubs):
        stories = {}
        for hub_slug, story in content.STORIES:
            picture, face = drawing.portrait(story["hero_name"])
            photo = self._image(
                story["hero_name"],
                alt=f"Portrait of {story['hero_name']}",
                data=picture,
                focal=face,
                credit="Illustration © #MigrantHeroes demo",
                consent=PhotoConsent.NO_PERSON,
            )
            body = [("paragraph", f"<p>{paragraph}</p>") for paragraph in story["body"]]
            if "quote" in story:
                body.insert(
                    1, ("quote", {"quote": story["quote"][0], "attribution": story["quote"][1]})
                )
            page = self._child(
                hubs[hub_slug],
                HeroStoryPage,
                story["slug"],
                title=story["hero_name"],
                hero_name=story["hero_name"],
                headline=story["headline"],
                photo=photo,
                country_of_origin=story["origin"],
                country_of_residence=story["residence"],
                category=self.categories[story["category"]],
                intro=story["intro"],
                body=body,
                search_description=story["intro"],
            )
            if not page.tags.exists():
                page.tags.add(*story["tags"])
                page.save_revision().publish()
                month, day = story["published"]
                published = dt.datetime(self.year, month, day, 9, 0, tzinfo=dt.UTC)
                HeroStoryPage.objects.filter(pk=page.pk).update(
                    first_published_at=published, last_published_at=published
                )
            stories[story["slug"]] = page
        return stories

    def _events(self, hubs, stories):
        for hub_slug, event in content.EVENTS:
            event = dict(event)
            tz = zoneinfo.ZoneInfo(event["time_zone"])
            (sm, sd, sh, smin), (em, ed, eh, emin) = event.pop("start"), event.pop("end")
            story_slug = event.pop("hero_story", None)
            self._child(
                hubs[hub_slug],
                EventPage,
                event.pop("slug"),
                start=dt.datetime(self.year, sm, sd, sh, smin, tzinfo=tz),
                end=dt.datetime(self.year, em, ed, eh, emin, tzinfo=tz),
                hero_story=stories[story_slug] if story_slug else None,
                **event,
            )

    def _missions(self, hubs):
        """Each office's room (groups, collection, endorsement workflow), as setup_mission does."""
        for mission in content.MISSIONS:
            setup = missions.setup_mission(
                country=mission["country"],
                name=mission["title"],
                focal_point_email=demo_focal_point_email(mission["slug"]),
                invite=False,  # loading content sends no email; demo logins get a password
            )
            if setup.created:
                self._note(f"mission {setup.mission.name}")
        headquarters = hubs[content.HEADQUARTERS["slug"]]
        setup_roles.ensure_headquarters_workflow(headquarters.get_translations(inclusive=True))

    def _feature(self, home, stories):
        if home.featured_stories.exists():
            return
        home.featured_stories = [HomeFeaturedStory(story=story) for story in stories]
        home.save_revision().publish()
        self._note("home page featured stories")

    def _criteria(self):
        """Who is a Migrant Hero: the campaign's criteria, in the default language."""
        if NominationCriteria.objects.filter(locale=self.locale).exists():
            return
        NominationCriteria.objects.create(
            heading=content.CRITERIA["heading"],
            intro=content.CRITERIA["intro"],
            criteria=[
                ("criterion", {"title": title, "explanation": explanation})
                for title, explanation in content.CRITERIA["criteria"]
            ],
            locale=self.locale,
        )
        self._note("nomination criteria")

    def _ambassadors(self, stories):
        """The demo's IOM Goodwill Ambassadors (heroes.models.ambassadors)."""
        for item in content.AMBASSADORS:
            story = stories[item["story"]]
            if GoodwillAmbassador.objects.filter(story_key=story.translation_key).exists():
                continue
            GoodwillAmbassador.objects.create(
                story=story,
                since=dt.date(self.year, *item["since"]),
                citation=item["citation"],
                locale=self.locale,
            )
            self._note(f"Goodwill Ambassador {story.hero_name}")

    def _materials(self):
        Document = get_document_model()
        for position, material in enumerate(content.MATERIALS):
            if CampaignMaterial.objects.filter(
                title=material["title"], locale=self.locale
            ).exists():
                continue
            document = Document.objects.create(
                title=material["title"],
                description=material["description"],
                collection=self.collection,
                file=ContentFile(drawing.one_page_pdf(material["lines"]), name=material["file"]),
            )
            item = CampaignMaterial.objects.create(
                title=material["title"],
                kind=material["kind"],
                description=material["description"],
                document=document,
                sort_order=position,
                locale=self.locale,
            )
            item.save_revision().publish()
            self._note(f"campaign material {material['title']}")

    def _languages(self):
        """A locale per content language, its tree synchronised, and its translators' group."""
        for code in sync_locales():
            self._note(f"locale {code}")
        ensure_translator_groups()

    def _settings(self):
        settings = CampaignSettings.load()
        if not settings.contact_email:
            settings.contact_email = "migrantheroes@example.org"
            settings.facebook_url = "https://www.facebook.com/example-migrantheroes"
            settings.twitter_handle = "example_migrantheroes"
            settings.save()
            self._note("campaign settings")

    # Translations -----------------------------------------------------------------------------

    def _translate(self, home, mission_index, hubs, stories):
        """The demo's translations, made with wagtail-localize, in every demo language.

        Snippets first: a story's category is a related object, translated before the story.
        Pages from the top down, so a translated parent is there before its children.
        """
        objects = [
            *HeroCategory.objects.filter(locale=self.locale).order_by("pk"),
            *CampaignMaterial.objects.filter(locale=self.locale).order_by("pk"),
            *NominationCriteria.objects.filter(locale=self.locale).order_by("pk"),
            *GoodwillAmbassador.objects.filter(locale=self.locale).order_by("pk"),
            home,
            *(child.specific for child in home.get_children().filter(slug__in=translations.PAGES)),
            *(hubs[slug] for slug in translations.HUBS),
            *(stories[slug] for slug in translations.STORIES),
        ]
        locales = list(Locale.objects.filter(language_code__in=translations.LANGUAGES))
        for instance in objects:
            # Fresh from the database: the loader's copies predate their publication.
            instance = type(instance).objects.get(pk=instance.pk)
            source, _created = TranslationSource.update_or_create_from_instance(instance)
            segments = list(
                StringSegment.objects.filter(source=source).select_related("string", "context")
            )
            for locale in locales:
                self._translate_into(source, segments, locale)

    def _translate_into(self, source, segments, locale):
        translation, started = Translation.objects.get_or_create(
            source=source, target_locale=locale
        )
        entered = self._enter_strings(segments, locale)
        if not (started or entered) and self._is_translated(translation):
            return  # translated on an earlier run, and nothing new to enter
        if issubclass(source.specific_content_type.model_class(), DraftStateMixin):
            # A draft revision, published here rather than by wagtail-localize's on_commit
            # callback, so the translation is live as soon as the loader returns.
            translation.save_target(publish=False)
            translation.get_target_instance().get_latest_revision().publish()
        else:
            translation.save_target(publish=True)
        self._note(f"{locale.language_code} translation of {source.object_repr}")

    @staticmethod
    def _is_translated(translation):
        """Whether the target exists and is a translation in its own right, not an alias."""
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist:
            return False
        return getattr(target, "alias_of_id", None) is None

    def _enter_strings(self, segments, locale):
        """Enter the missing translations of `segments` in `locale`; the number entered."""
        entered = 0
        for segment in segments:
            text = translations.TEXTS.get(segment.string.data, {}).get(locale.language_code)
            if text is None:
                continue
            _string_translation, created = StringTranslation.objects.get_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": text,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
            entered += created
        return entered
