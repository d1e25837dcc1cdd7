"""A campaign in four languages, built once for a whole test module.

The English tree (home, missions, Kenya's and Italy's hubs, a story, the nomination and
Ambassadors pages), its aliases in French, Spanish and Arabic, both missions set up as
production does, and their people. `campaign_for_the_module` builds it in a transaction
that is rolled back after the module; each test reads it in its own savepoint, so building
it costs once, not per test.
"""

from contextlib import contextmanager
from types import SimpleNamespace

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from cms.core.locales import sync_locales, sync_trees
from heroes import permissions
from heroes.models import AmbassadorsPage
from heroes.services import missions
from tests.factories import (
    CampaignPageFactory,
    HeroStoryPageFactory,
    HomePageFactory,
    MissionHubPageFactory,
    MissionIndexPageFactory,
    NominatePageFactory,
    UserFactory,
)


class AmbassadorsPageFactory(CampaignPageFactory):
    title = "IOM Goodwill Ambassadors"
    intro = "<p>Selected Migrant Heroes become IOM Goodwill Ambassadors.</p>"
    show_in_menus = True

    class Meta:
        model = AmbassadorsPage


def member_of(group):
    user = UserFactory()
    user.groups.add(group)
    return user


def build_campaign():
    root = Page.get_first_root_node()
    root.get_children().delete()  # Wagtail's welcome page, and its Site
    home = HomePageFactory(parent=root)
    Site.objects.create(
        hostname="localhost",
        port=80,
        site_name="#MigrantHeroes",
        root_page=home,
        is_default_site=True,
    )
    index = MissionIndexPageFactory(parent=home)
    hub = MissionHubPageFactory(parent=index, country="KE", office_name="IOM Kenya")
    MissionHubPageFactory(parent=index, country="IT", office_name="IOM Italy")
    story = HeroStoryPageFactory(
        parent=hub,
        hero_name="Amina Yusuf",
        slug="amina-yusuf",
        headline="The sewing circle that became a cooperative",
        intro="Amina started teaching three neighbours to sew in her living room.",
    )
    nominate = NominatePageFactory(parent=home, slug="nominate")
    ambassadors = AmbassadorsPageFactory(parent=home, slug="ambassadors")
    sync_locales()
    kenya = missions.setup_mission(
        country="KE", name="Kenya", focal_point_email="focal.point@kenya.example.org"
    ).mission
    italy = missions.setup_mission(
        country="IT", name="Italy", focal_point_email="focal.point@italy.example.org"
    ).mission
    return SimpleNamespace(
        home=home,
        hub=hub,
        story=story,
        nominate=nominate,
        ambassadors=ambassadors,
        kenya=kenya,
        italy=italy,
        locales={locale.language_code: locale for locale in Locale.objects.all()},
        mcd=member_of(Group.objects.get(name=permissions.MCD_GROUP)),
        kenya_editor=member_of(kenya.editors_group),
        italy_editor=member_of(italy.editors_group),
    )


@contextmanager
def campaign_for_the_module(django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_campaign()
        transaction.set_rollback(True)


def translate(instance, locale, texts):
    """`instance` (a page or a snippet) translated into `locale` with wagtail-localize, as a
    translator would: each segment whose text is a key of `texts` gets its value."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation = Translation.objects.create(source=source, target_locale=locale)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        if segment.string.data in texts:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=texts[segment.string.data],
            )
    if isinstance(instance, Page):
        # A draft, published here rather than in wagtail-localize's on_commit callback.
        translation.save_target(publish=False)
        translated = instance.get_translation(locale)
        translated.get_latest_revision().publish()
        sync_trees()
        return type(instance).objects.get(pk=translated.pk)
    translation.save_target(publish=True)
    return instance.get_translation(locale)
