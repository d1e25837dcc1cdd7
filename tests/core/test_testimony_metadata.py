"""No recording the platform stores carries where it was made, or any tag (testimonies).

Every path a recording comes in by (the admin's single and multiple upload, replacing a
document's file, the write API, scripts saving the model) stores it stripped of ID3, iTunes
and QuickTime tags, MP4 user data (©xyz), Vorbis comments; formats that cannot be stripped
are refused with a message saying which can. Captions must be WebVTT.
"""

import hashlib
import io

import mutagen.mp4
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from mutagen.flac import FLAC
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4
from mutagen.oggopus import OggOpus
from wagtail.models import APIToken, Collection

from cms.core import media_metadata
from cms.core.models import CampaignDocument
from tests.core import media_samples
from tests.factories import DocumentFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser():
    return UserFactory(superuser=True)


def read_stored(document):
    with default_storage.open(document.file.name, "rb") as stored:
        return stored.read()


def assert_stored_bare(document):
    """The stored file holds no secret, and the document's size and hash are the file's."""
    content = read_stored(document)
    for secret in media_samples.SECRETS:
        assert secret not in content
    assert document.file_size == len(content)
    assert document.file_hash == hashlib.sha1(content).hexdigest()  # noqa: S324 (Wagtail's hash)
    return content


def upload_form(file, **overrides):
    return {
        "title": "Amina's testimony",
        "description": "",
        "consent": "written",
        "consent_notes": "Agreed on tape at the start of the interview.",
        "collection": Collection.get_first_root_node().pk,
        "file": file,
        **overrides,
    }


def test_an_mp3_uploaded_in_the_admin_is_stored_without_its_id3_tags(client, superuser):
    client.force_login(superuser)
    upload = SimpleUploadedFile("amina.mp3", media_samples.tagged_mp3(), "audio/mpeg")

    response = client.post(reverse("wagtaildocs:add"), upload_form(upload))

    assert response.status_code == 302, response.context["form"].errors
    document = CampaignDocument.objects.get()
    assert document.media_type == "audio/mpeg"
    content = assert_stored_bare(document)
    assert not content.startswith(b"ID3"), "no ID3v2 tag"
    assert content[-128:-125] != b"TAG", "no ID3v1 tag"
    recording = MP3(io.BytesIO(content))
    assert recording.tags is None
    assert recording.info.bitrate == 128000, "the sound is kept"


def test_an_mp4_uploaded_through_the_write_api_loses_its_location_and_keeps_its_video(
    client, superuser
):
    _token, plaintext = APIToken.create_token(user=superuser, name="mission website")
    original = media_samples.tagged_mp4()
    assert b"\xa9xyz" in original
    upload = SimpleUploadedFile("amina.mp4", original, "video/mp4")

    response = client.post(
        "/api/v3/documents/",
        {"title": "Amina's testimony", "consent": "written", "file": upload},
        HTTP_AUTHORIZATION=f"Bearer {plaintext}",
    )

    assert response.status_code == 201, response.content
    document = CampaignDocument.objects.get(pk=response.json()["id"])
    assert document.media_type == "video/mp4"
    content = assert_stored_bare(document)
    assert b"\xa9xyz" not in content, "the location box is gone, wherever it was"
    assert b"\xa9mak" not in content and b"keys" not in content and b"uuid" not in content
    assert MP4(io.BytesIO(content)).tags is None
    # The file shrank before its media data (mutagen rewrote the offsets): the track still
    # finds its sample where its chunk offset says.
    offset = media_samples.sample_offset_of(content)
    assert offset != media_samples.sample_offset_of(original)
    assert content[offset : offset + len(media_samples.MP4_SAMPLE)] == media_samples.MP4_SAMPLE


def test_mutagen_alone_leaves_the_location_box_outside_the_itunes_tags():
    """Why cms.core.media_metadata blanks MP4 boxes itself: mutagen removes the iTunes tags
    (moov/udta/meta/ilst) and keeps moov/udta/©xyz, where phones write the place."""
    buffer = io.BytesIO(media_samples.tagged_mp4())

    mutagen.mp4.delete(buffer)

    assert not MP4(io.BytesIO(buffer.getvalue())).tags, "the iTunes tags are gone"
    assert b"\xa9xyz" in buffer.getvalue()
    assert media_samples.LOCATION.encode() in buffer.getvalue()


def test_replacing_a_documents_file_in_the_admin_strips_the_new_recording(client, superuser):
    document = DocumentFactory()
    client.force_login(superuser)
    upload = SimpleUploadedFile("amina.opus", media_samples.tagged_opus(), "audio/ogg")

    response = client.post(
        reverse("wagtaildocs:edit", args=(document.pk,)),
        upload_form(upload, title=document.title),
    )

    assert response.status_code == 302, response.context["form"].errors
    document.refresh_from_db()
    assert document.file.name.endswith(".opus")
    assert document.media_type == "audio/ogg"
    content = assert_stored_bare(document)
    assert len(OggOpus(io.BytesIO(content)).tags) == 0


def test_the_admins_multiple_upload_strips_recordings(client, superuser):
    client.force_login(superuser)
    upload = SimpleUploadedFile("amina.flac", media_samples.tagged_flac(), "audio/flac")

    response = client.post(reverse("wagtaildocs:add_multiple"), {"files[]": upload})

    assert response.json()["success"], response.json()
    document = CampaignDocument.objects.get()
    assert document.media_type == "audio/flac"
    assert document.consent == "pending", "the speaker's consent is recorded afterwards"
    content = assert_stored_bare(document)
    recording = FLAC(io.BytesIO(content))
    assert recording.tags is None and recording.pictures == []


@pytest.mark.parametrize("name", ["amina.wav", "amina.mov", "amina.webm"])
def test_audio_and_video_that_cannot_be_stripped_are_refused_saying_which_can(
    client, superuser, name
):
    client.force_login(superuser)
    upload = SimpleUploadedFile(name, b"RIFF\x00\x00\x00\x00WAVEfmt HiddenCam", "audio/wav")

    response = client.post(reverse("wagtaildocs:add"), upload_form(upload))

    assert response.status_code == 200
    [error] = response.context["form"].errors["file"]
    assert "MP3, M4A, MP4, Ogg (Vorbis or Opus) or FLAC" in error
    assert not CampaignDocument.objects.exists()


def test_the_write_api_refuses_a_recording_it_cannot_strip_with_a_problem(client, superuser):
    _token, plaintext = APIToken.create_token(user=superuser, name="mission website")
    upload = SimpleUploadedFile("amina.mp4", media_samples.tagged_mp4(
        extra_tracks=[media_samples.gps_track()]
    ), "video/mp4")  # fmt: skip

    response = client.post(
        "/api/v3/documents/",
        {"title": "Amina's testimony", "file": upload},
        HTTP_AUTHORIZATION=f"Bearer {plaintext}",
    )

    assert 400 <= response.status_code < 500, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    assert "GPS trail" in response.content.decode()
    assert not CampaignDocument.objects.exists()


def test_a_file_that_is_not_what_its_name_says_is_refused(client, superuser):
    client.force_login(superuser)
    upload = SimpleUploadedFile("amina.mp3", b"%PDF-1.4\n% not a sound\n%%EOF\n", "audio/mpeg")

    response = client.post(reverse("wagtaildocs:add"), upload_form(upload))

    assert response.context["form"].errors["file"] == ["This file is not a readable MP3 file."]


def test_captions_are_accepted_only_as_webvtt(client, superuser):
    client.force_login(superuser)
    bad = SimpleUploadedFile("amina.vtt", b"1\n00:00:00,000 --> 00:00:02,000\nHello\n")

    response = client.post(reverse("wagtaildocs:add"), upload_form(bad))

    assert response.context["form"].errors["file"] == [str(media_metadata.NOT_WEBVTT)]
    good = SimpleUploadedFile("amina.vtt", b"\xef\xbb\xbf" + media_samples.WEBVTT)
    response = client.post(reverse("wagtaildocs:add"), upload_form(good))
    assert response.status_code == 302
    assert CampaignDocument.objects.get().media_type == "text/vtt"


def test_a_recording_without_hidden_data_is_kept_byte_for_byte():
    bare = media_samples.silent_mp3()

    document = DocumentFactory(file=ContentFile(bare, name="silence.mp3"))

    assert read_stored(document) == bare
    assert media_metadata.strip_metadata(bare, name="silence.mp3").stripped is False


def test_other_documents_are_stored_as_they_are_and_record_nobody():
    document = DocumentFactory()

    assert document.media_type == ""
    assert document.has_publishable_consent, "a PDF needs no speaker's consent"
    assert read_stored(document) == b"%PDF-1.4\n% #MigrantHeroes\n%%EOF\n"
