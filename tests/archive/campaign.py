"""A campaign worth archiving, built once per test class (setUpTestData): a story told in
English, translated into French with wagtail-localize, shown as an alias in Arabic and
Spanish, with its photo (consent on file) and, in its body, a testimony (a video with the
speaker's consent, its WebVTT captions, its transcript), a link to the captions and an
image; beside it what must never reach an archive."""

import io
import shutil
import tempfile
from pathlib import Path
from types import SimpleNamespace

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Collection, Locale, Page, PageViewRestriction, Site
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cms.core.locales import sync_locales
from cms.core.models import RecordingConsent
from heroes.models import Mission, Nomination
from tests.core import media_samples
from tests.factories import (
    DocumentFactory,
    HeroCategoryFactory,
    HeroStoryPageFactory,
    HomePageFactory,
    ImageFactory,
    MissionHubPageFactory,
    MissionIndexPageFactory,
    UserFactory,
)

HEADLINE = "The sewing circle that became a cooperative"
FRENCH_HEADLINE = "L’atelier de couture devenu coopérative"
TRANSCRIPT = "<p>I came to Nairobi with a sewing machine and three words of Swahili.</p>"
CONSENT_NOTES = "Release form signed by Amina Yusuf on 2 March 2026: site, social media, archive."
RECORDING_NOTES = "Amina Yusuf agreed on camera, 2 March 2026, to the recording's publication."
CAPTIONS = b"WEBVTT\n\n00:00.000 --> 00:04.000\nI came to Nairobi with a sewing machine.\n"

#: What must never be found in an archive: personal data of the nomination and its
#: nominator, staff's accounts, drafts and private pages.
PRIVATE = {
    "nominator's name": "Joseph Otieno",
    "nominator's email": "joseph.otieno@example.org",
    "nominator's phone": "+254 700 000 001",
    "nomination's text": "She lent me her sewing machine when mine was stolen",
    "how the nominator knows the hero": "her neighbour in Eastleigh",
    "uploader's email": "photo.editor@iom.example.org",
    "draft story": "A story still in draft",
    "private story": "A story behind a password",
    "unpublished change": "An unpublished new headline",
}


class CampaignTestCase(TestCase):
    """The campaign in the database and its archive in `cls.bag`, made once for the class."""

    @classmethod
    def setUpTestData(cls):
        cls.campaign = build_campaign()
        folder = Path(tempfile.mkdtemp(prefix="migrantheroes-archive-"))
        cls.addClassCleanup(shutil.rmtree, folder, ignore_errors=True)
        cls.bag = folder / "bag"
        call_command("export_archive", str(cls.bag), stdout=io.StringIO())

    def fresh_copy_of_the_bag(self):
        """A copy of the bag this test may change."""
        folder = Path(tempfile.mkdtemp(prefix="migrantheroes-archive-"))
        self.addCleanup(shutil.rmtree, folder, ignore_errors=True)
        return Path(shutil.copytree(self.bag, folder / "bag"))


def small_image(**kwargs):
    """A photo small enough for the renditions made at publish to cost little. Every one is
    teal: two images may share their bytes and still be two, with their own consent."""
    return ImageFactory(file__width=320, file__height=240, file__color="teal", **kwargs)


def build_campaign():
    tree = english_tree()
    uploader = UserFactory(email=PRIVATE["uploader's email"])
    photo = small_image(
        title="Amina Yusuf in her workshop",
        consent_notes=CONSENT_NOTES,
        uploaded_by_user=uploader,
        focal_point_x=160,
        focal_point_y=100,
        focal_point_width=40,
        focal_point_height=40,
    )
    body_image = small_image(title="The cooperative's first stall", uploaded_by_user=uploader)
    video = DocumentFactory(  # stored without its tags and location (cms.core.media_metadata)
        title="Amina's testimony",
        file=ContentFile(media_samples.tagged_mp4(), name="amina-testimony.mp4"),
        consent=RecordingConsent.WRITTEN,
        consent_notes=RECORDING_NOTES,
        uploaded_by_user=uploader,
    )
    captions = DocumentFactory(
        title="Amina's testimony: captions",
        file=ContentFile(CAPTIONS, name="amina-testimony.vtt"),
        uploaded_by_user=uploader,
    )
    category = HeroCategoryFactory(name="Entrepreneur")
    story = HeroStoryPageFactory(
        parent=tree.hub,
        category=category,
        hero_name="Amina Yusuf",
        slug="amina-yusuf",
        headline=HEADLINE,
        photo=photo,
        nominator_name=PRIVATE["nominator's name"],
        nominator_agreed_to_credit=True,
        tags=["sewing", "cooperatives"],
        body=[
            {
                "type": "paragraph",
                "value": f'<p>Her <a linktype="document" id="{captions.pk}">testimony</a>.</p>',
            },
            {
                "type": "testimony",
                "value": {
                    "media_file": video.pk,
                    "media_url": "",
                    "captions": captions.pk,
                    "transcript": TRANSCRIPT,
                    "language": "en",
                    "speaker": "Amina Yusuf",
                    "recorded_on": "2026-03-02",
                },
            },
            {"type": "image", "value": {"image": {"image": body_image.pk}, "caption": "Stall"}},
        ],
    )
    HeroStoryPageFactory(parent=tree.hub, title=PRIVATE["draft story"], draft=True)
    private = HeroStoryPageFactory(parent=tree.hub, title=PRIVATE["private story"])

    sync_locales()  # every page in fr, es and ar as an alias, as the admin makes them
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    PageViewRestriction.objects.create(  # on the story and (cms.core.withdrawal) its aliases
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    Nomination.objects.create(
        hero_name="Amina Yusuf",
        country="KE",
        story=PRIVATE["nomination's text"],
        nominator_name=PRIVATE["nominator's name"],
        nominator_email=PRIVATE["nominator's email"],
        nominator_phone=PRIVATE["nominator's phone"],
        relationship=PRIVATE["how the nominator knows the hero"],
        hero_story=story,
    )
    category.copy_for_translation(locales["fr"]).save()  # "Entrepreneur" in French
    french = translate_into_french(story, locales["fr"])
    story.headline = PRIVATE["unpublished change"]
    story.save_revision()  # a draft over the live story: not what the public reads
    story.refresh_from_db()
    return SimpleNamespace(
        **vars(tree),
        locales=locales,
        story=story,
        french=french,
        photo=photo,
        body_image=body_image,
        video=video,
        captions=captions,
    )


def english_tree():
    """The site's English pages (home, missions, Kenya's hub) and Kenya's mission."""
    root = Page.get_first_root_node()
    root.get_children().delete()  # Wagtail's welcome page, and with it its Site
    home = HomePageFactory(parent=root)
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    hub = MissionHubPageFactory(
        parent=MissionIndexPageFactory(parent=home), country="KE", office_name="IOM Kenya"
    )
    Mission.objects.create(  # as setup_mission makes it, without its roles: not needed here
        country="KE",
        name="Kenya",
        editors_group=Group.objects.create(name="Mission editors — Kenya"),
        focal_point_group=Group.objects.create(name="Mission focal point — Kenya"),
        collection=Collection.get_first_root_node().add_child(name="Kenya"),
    )
    return SimpleNamespace(home=home, hub=hub)


def translate_into_french(story, french):
    """The story's French alias made a translation, its headline translated, published."""
    source, _created = TranslationSource.get_or_create_from_instance(story)
    translation = Translation.objects.create(source=source, target_locale=french)
    segment = source.stringsegment_set.get(context__path="headline")
    StringTranslation.objects.create(
        translation_of=segment.string, locale=french, context=segment.context, data=FRENCH_HEADLINE
    )
    translation.save_target(publish=True)
    return story.get_translation(french).specific
