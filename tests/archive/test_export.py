"""The archive export: every public copy of a story, its files and consent, in a valid bag,
and nothing private."""

import datetime as dt
import io
import json
from pathlib import Path

import bagit
import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from heroes.archive.fields import unclassified_fields
from heroes.models import HeroStoryPage
from tests.archive.campaign import (
    CAPTIONS,
    CONSENT_NOTES,
    FRENCH_HEADLINE,
    HEADLINE,
    PRIVATE,
    RECORDING_NOTES,
    TRANSCRIPT,
    CampaignTestCase,
)


def read_json(bag, name):
    return json.loads((bag / "data" / name).read_text(encoding="utf-8"))


def stored_bytes(item):
    with item.file.open("rb") as file:
        return file.read()


def checksums(bag, algorithm):
    lines = (bag / f"manifest-{algorithm}.txt").read_text().splitlines()
    return {path: digest for digest, path in (line.split(maxsplit=1) for line in lines)}


class ExportTests(CampaignTestCase):
    def test_a_story_is_archived_with_its_translation_alias_files_and_consent_in_a_valid_bag(
        self,
    ):
        bag, campaign = self.bag, self.campaign
        assert bagit.Bag(str(bag)).validate()
        key = str(campaign.story.translation_key)
        manifest = read_json(bag, "manifest.json")
        assert manifest["stories"] == {
            key: {
                "mission": {"country": "KE", "headquarters": False, "name": "Kenya"},
                "locales": {
                    code: f"stories/{key}/{code}.json" for code in ("en", "fr", "es", "ar")
                },
            }
        }

        english = read_json(bag, f"stories/{key}/en.json")
        assert (english["alias_of"], english["slug"]) == (None, "amina-yusuf")
        assert english["fields"]["headline"] == HEADLINE
        assert english["tags"] == ["cooperatives", "sewing"]
        testimony = english["fields"]["body"][1]
        assert (testimony["type"], testimony["value"]["transcript"]) == ("testimony", TRANSCRIPT)
        french = read_json(bag, f"stories/{key}/fr.json")
        assert (french["alias_of"], french["fields"]["headline"]) == (None, FRENCH_HEADLINE)
        arabic = read_json(bag, f"stories/{key}/ar.json")
        assert arabic["alias_of"] == {"translation_key": key, "locale": "en"}
        assert "fields" not in arabic  # an alias is recorded, not copied

        def in_bag(folder, item):
            return f"media/{folder}/{Path(item.file.name).name}"

        photo, body_image = in_bag("images", campaign.photo), in_bag("images", campaign.body_image)
        video, captions = (
            in_bag("documents", campaign.video),
            in_bag("documents", campaign.captions),
        )
        block_types = {block["id"]: block["type"] for block in english["fields"]["body"]}

        def where(reference):  # "body.<block id>.captions" -> "testimony.captions"
            _field, block_id, *inside = reference["path"].split(".")
            return ".".join([block_types[block_id], *inside])

        body = [ref for ref in english["references"] if ref["field"] == "body"]
        assert sorted((where(ref), ref["kind"], ref["target"]) for ref in body) == [
            ("image.image", "image", body_image),
            ("paragraph", "document", captions),
            ("testimony.captions", "document", captions),
            ("testimony.media_file", "document", video),
        ]
        references = {ref["field"]: ref for ref in english["references"]}
        assert (references["photo"]["kind"], references["photo"]["target"]) == ("image", photo)
        category = references["category"]["target"]
        assert (category["model"], category["locale"]) == ("heroes.herocategory", "en")
        assert category["fields"]["slug"] == "entrepreneur"

        sha256, sha512 = checksums(bag, "sha256"), checksums(bag, "sha512")
        for name, item, described in (
            (photo, campaign.photo, manifest["images"]),
            (body_image, campaign.body_image, manifest["images"]),
            (video, campaign.video, manifest["documents"]),
            (captions, campaign.captions, manifest["documents"]),
        ):
            assert (bag / "data" / name).read_bytes() == stored_bytes(item)  # the original
            assert sha256[f"data/{name}"] == described[name]["sha256"]
            assert f"data/{name}" in sha512
        assert (bag / "data" / captions).read_bytes() == CAPTIONS
        assert manifest["images"][photo]["focal_point"]["focal_point_x"] == 160
        assert manifest["documents"][video]["media_type"] == "video/mp4"

        assert read_json(bag, "consent/images.json") == {
            photo: {
                "consent": "written",
                "label": "Written consent on file",
                "notes": CONSENT_NOTES,
            },
            body_image: {"consent": "written", "label": "Written consent on file", "notes": ""},
        }
        assert read_json(bag, "consent/documents.json") == {  # the recording's, not the captions'
            video: {
                "consent": "written",
                "label": "Written consent on file",
                "notes": RECORDING_NOTES,
            },
        }

        info = bagit.Bag(str(bag)).info
        assert info["Source-Organization"] == "International Organization for Migration (IOM)"
        assert info["Project"] == "Migrant's Path Oral History Project"
        assert info["Campaign"] == "#MigrantHeroes"
        assert info["Export-Date"].startswith(timezone.now().date().isoformat())
        assert {name: info[name] for name in info if name.endswith("-Count")} == {
            "Story-Count": "1",
            "Story-Page-Count": "2",
            "Alias-Count": "2",
            "Image-Count": "2",
            "Document-Count": "2",
            "Consent-Record-Count": "3",
        }
        assert "format version 1" in (bag / "data" / "README.txt").read_text()

    def test_the_archive_holds_no_personal_data_of_nominees_or_nominators_nor_private_pages(
        self,
    ):
        bag = self.bag
        everything = b"".join(path.read_bytes() for path in bag.rglob("*") if path.is_file())
        assert b"Amina Yusuf" in everything
        assert {what: text for what, text in PRIVATE.items() if text.encode() in everything} == {}
        key = str(self.campaign.story.translation_key)
        assert list(read_json(bag, "manifest.json")["stories"]) == [key]
        for code in ("en", "fr"):
            fields = read_json(bag, f"stories/{key}/{code}.json")["fields"]
            assert "nominator_name" not in fields and "nominator_agreed_to_credit" not in fields
        left_out = read_json(bag, "manifest.json")["left_out"]["stories"]
        assert {"nominator_name", "nominations", "owner", "_revisions"} <= left_out.keys()

    def test_an_export_can_be_limited_to_a_mission_and_to_stories_published_since_a_date(self):
        folder = self.fresh_copy_of_the_bag().parent

        def archived(*options):
            path = folder / str(len(list(folder.iterdir())))
            call_command("export_archive", str(path), *options, stdout=io.StringIO())
            return list(read_json(path, "manifest.json")["stories"])

        key = str(self.campaign.story.translation_key)
        today = timezone.localdate()
        assert archived("--mission", "ke") == [key]
        assert archived("--mission", "HQ") == []
        assert archived("--since", today.isoformat()) == [key]
        assert archived("--since", (today + dt.timedelta(days=1)).isoformat()) == []
        with pytest.raises(CommandError, match="No mission has the country code 'UG'"):
            call_command("export_archive", str(folder / "uganda"), "--mission", "UG")


def test_an_export_needs_a_new_or_empty_folder(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(CommandError, match="is not an empty folder"):
        call_command("export_archive", str(tmp_path))
    assert [path.name for path in tmp_path.iterdir()] == ["notes.txt"]


def test_every_field_of_a_story_is_archived_or_left_out_on_purpose():
    """A field added to stories must be named in heroes/archive/fields.py: archived, or left
    out with its reason (personal data above all)."""
    assert unclassified_fields(HeroStoryPage) == []
