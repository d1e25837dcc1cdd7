"""The archive import: a checked bag brings back every story, translation, alias, file (byte
for byte) and consent record; a tampered bag is refused; importing twice changes nothing."""

import io
import re

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision

from cms.core.models import CampaignDocument, CampaignImage, PhotoConsent
from heroes import selectors
from heroes.models import HeroCategory, HeroStoryPage
from tests.archive.campaign import (
    CAPTIONS,
    CONSENT_NOTES,
    FRENCH_HEADLINE,
    HEADLINE,
    RECORDING_NOTES,
    TRANSCRIPT,
    CampaignTestCase,
)


def stored_bytes(item):
    with item.file.open("rb") as file:
        return file.read()


def import_archive(bag):
    out = io.StringIO()
    call_command("import_archive", str(bag), stdout=out)
    return out.getvalue()


class ImportTests(CampaignTestCase):
    def empty_the_site(self):
        """The site keeps its missions and locale trees; its stories, images and documents
        go. Returns what the archive should bring back."""
        story = self.campaign.story
        before = {
            "url_path": story.url_path,
            "first_published_at": story.first_published_at,
            "photo": stored_bytes(self.campaign.photo),
            "body image": stored_bytes(self.campaign.body_image),
            "video": stored_bytes(self.campaign.video),
        }
        Page.objects.type(HeroStoryPage).delete()
        CampaignImage.objects.all().delete()
        CampaignDocument.objects.all().delete()
        HeroCategory.objects.all().delete()
        return before

    def test_an_import_brings_back_every_story_translation_alias_and_file_byte_for_byte(self):
        before = self.empty_the_site()
        import_archive(self.bag)

        key = self.campaign.story.translation_key
        copies = {
            page.locale.language_code: page
            for page in HeroStoryPage.objects.filter(translation_key=key).select_related("locale")
        }
        assert set(copies) == {"en", "fr", "es", "ar"}
        public = selectors.public_stories().filter(translation_key=key)
        assert set(public.values_list("locale__language_code", flat=True)) == set(copies)
        hub = self.campaign.hub
        assert {code: page.get_parent().pk for code, page in copies.items()} == {
            code: hub.get_translation(locale).pk for code, locale in self.campaign.locales.items()
        }

        english, french = copies["en"], copies["fr"]
        assert (english.slug, english.url_path) == ("amina-yusuf", before["url_path"])
        assert english.first_published_at == before["first_published_at"]
        assert english.headline == HEADLINE  # as published, not the draft over it
        assert sorted(english.tags.names()) == ["cooperatives", "sewing"]
        assert (english.nominator_name, english.nominator_agreed_to_credit) == ("", False)
        assert (french.alias_of_id, french.headline) == (None, FRENCH_HEADLINE)
        assert copies["ar"].alias_of_id == copies["es"].alias_of_id == english.pk
        categories = {page.category.locale_id: page.category for page in (english, french)}
        assert {category.slug for category in categories.values()} == {"entrepreneur"}
        assert categories.keys() == {english.locale_id, french.locale_id}
        assert len({category.translation_key for category in categories.values()}) == 1

        assert stored_bytes(english.photo) == before["photo"]
        assert english.photo.consent == PhotoConsent.WRITTEN
        assert english.photo.consent_notes == CONSENT_NOTES
        assert (english.photo.focal_point_x, english.photo.focal_point_width) == (160, 40)
        for page in (english, french):
            paragraph, testimony, image = page.body
            document_id = re.search(r'<a [^>]*\bid="(\d+)"', paragraph.value.source)[1]
            assert stored_bytes(CampaignDocument.objects.get(pk=document_id)) == CAPTIONS
            video, captions = testimony.value["media_file"], testimony.value["captions"]
            assert stored_bytes(video) == before["video"]
            assert (video.consent, video.consent_notes) == ("written", RECORDING_NOTES)
            assert stored_bytes(captions) == CAPTIONS and captions.pk == int(document_id)
            assert testimony.value["transcript"].source == TRANSCRIPT
            assert stored_bytes(image.value["image"]) == before["body image"] == before["photo"]
            assert image.value["image"].pk != english.photo_id  # the same bytes, two images
            assert image.value["image"].title == "The cooperative's first stall"
            assert page.photo_id == english.photo_id

    def test_importing_twice_changes_nothing(self):
        self.empty_the_site()
        import_archive(self.bag)

        def state():
            return {
                "pages": sorted(
                    Page.objects.values_list("pk", "translation_key", "locale_id", "alias_of_id")
                ),
                "revisions": Revision.objects.count(),
                "images": sorted(CampaignImage.objects.values_list("pk", "file_hash", "consent")),
                "documents": sorted(CampaignDocument.objects.values_list("pk", "file_hash")),
            }

        before = state()
        out = import_archive(self.bag)
        assert state() == before
        assert "Imported 0 story pages and 0 aliases (4 already here)" in out
        assert "0 images (2 already here), 0 documents (2 already here)" in out

    def test_a_tampered_bag_is_refused_and_nothing_is_imported(self):
        self.empty_the_site()
        bag = self.fresh_copy_of_the_bag()
        french = next(bag.glob("data/stories/*/fr.json"))
        genuine = french.read_text(encoding="utf-8")
        french.write_text(genuine.replace(FRENCH_HEADLINE, "Un autre titre"), encoding="utf-8")
        with pytest.raises(CommandError, match=r"fails validation.*: data/stories/.*/fr\.json\."):
            import_archive(bag)

        french.write_text(genuine, encoding="utf-8")
        captions = next(bag.glob("data/media/documents/*.vtt"))
        captions.write_bytes(captions.read_bytes().replace(b"Nairobi", b"Mombasa"))
        with pytest.raises(CommandError, match=r"since the export: data/media/documents/.*\.vtt\."):
            import_archive(bag)

        assert not HeroStoryPage.objects.exists()
        assert not CampaignImage.objects.exists() and not CampaignDocument.objects.exists()


def test_a_folder_that_is_no_bag_is_refused(tmp_path):
    with pytest.raises(CommandError, match="is not a readable BagIt bag"):
        import_archive(tmp_path)
