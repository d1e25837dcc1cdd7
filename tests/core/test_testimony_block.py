"""A testimony in a story's body: a recording (an uploaded file or an oEmbed address), its
transcript, speaker, language and date; played natively and accessibly on the site, in every
language, typed in the API, and shown only with the speaker's consent."""

import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from pydantic import TypeAdapter
from wagtail import blocks
from wagtail.models import Locale, ReferenceIndex
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from cms.core.blocks import StoryBodyBlock
from cms.core.blocks import testimony as testimony_block
from cms.core.blocks.schema import stream_item_schema
from cms.core.consent import RECORDING_CONSENT_MISSING
from cms.core.locales import sync_locales
from cms.core.models import RecordingConsent
from heroes.models import HeroStoryPage
from tests.core import media_samples
from tests.factories import DocumentFactory, EmbedFactory, UserFactory

pytestmark = pytest.mark.django_db

TRANSCRIPT = "<p>I left Mogadishu in 2012.</p><p>Today <b>forty women</b> sew with me.</p>"
SOUNDCLOUD = "https://soundcloud.com/iom/amina-yusuf"


@pytest.fixture
def video():
    return DocumentFactory(
        title="Amina's testimony (video)",
        file=ContentFile(media_samples.tagged_mp4(), name="amina.mp4"),
        consent=RecordingConsent.WRITTEN,
    )


@pytest.fixture
def audio():
    return DocumentFactory(
        title="Amina's testimony (sound)",
        file=ContentFile(media_samples.tagged_mp3(), name="amina.mp3"),
        consent=RecordingConsent.VERBAL,
    )


@pytest.fixture
def captions():
    return DocumentFactory(
        title="Amina's captions", file=ContentFile(media_samples.WEBVTT, name="amina.vtt")
    )


@pytest.fixture
def soundcloud():
    return EmbedFactory(
        url=SOUNDCLOUD,
        type="rich",
        provider_name="SoundCloud",
        title="Amina Yusuf, in her words",
        html=(
            '<iframe title="Amina Yusuf, in her words" width="100%" height="166" '
            'src="https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/1">'
            "</iframe>"
        ),
    )


def raw_testimony(*, media_file=None, media_url="", captions=None, **overrides):
    return {
        "media_file": media_file.pk if media_file else None,
        "media_url": media_url,
        "transcript": TRANSCRIPT,
        "captions": captions.pk if captions else None,
        "language": "so",
        "speaker": "Amina Yusuf",
        "recorded_on": "2026-05-01",
        **overrides,
    }


def errors_of(raw):
    block = testimony_block.TestimonyBlock()
    with pytest.raises(blocks.StructBlockValidationError) as raised:
        block.clean(block.to_python(raw))
    return {name: error.messages for name, error in raised.value.block_errors.items()}


# Validation --------------------------------------------------------------------------------


def test_a_testimony_has_exactly_one_recording_an_uploaded_file_or_an_address(audio, soundcloud):
    assert errors_of(raw_testimony()) == {"media_file": [str(testimony_block.NEITHER)]}
    assert errors_of(raw_testimony(media_file=audio, media_url=SOUNDCLOUD)) == {
        "media_url": [str(testimony_block.BOTH)]
    }


def test_only_an_audio_or_video_document_is_a_recording():
    leaflet = DocumentFactory(title="Info sheet")

    assert errors_of(raw_testimony(media_file=leaflet)) == {
        "media_file": [str(testimony_block.NOT_A_RECORDING) % {"title": "Info sheet"}]
    }


def test_an_uploaded_video_needs_webvtt_captions_and_only_a_video_takes_them(
    video, audio, captions
):
    assert errors_of(raw_testimony(media_file=video)) == {
        "captions": [str(testimony_block.CAPTIONS_REQUIRED)]
    }
    leaflet = DocumentFactory(title="Info sheet")
    assert errors_of(raw_testimony(media_file=video, captions=leaflet)) == {
        "captions": [str(testimony_block.NOT_CAPTIONS) % {"title": "Info sheet"}]
    }
    assert errors_of(raw_testimony(media_file=audio, captions=captions)) == {
        "captions": [str(testimony_block.CAPTIONS_FOR_VIDEO_ONLY)]
    }


def test_the_transcript_speaker_and_language_are_required_and_the_date_is_past(audio):
    errors = errors_of(raw_testimony(media_file=audio, transcript="", speaker="", language=""))
    assert set(errors) == {"transcript", "speaker", "language"}

    tomorrow = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    assert errors_of(raw_testimony(media_file=audio, recorded_on=tomorrow)) == {
        "recorded_on": [str(testimony_block.IN_THE_FUTURE)]
    }


def test_a_testimony_in_any_language_is_accepted_not_only_the_sites(audio, video, captions):
    block = testimony_block.TestimonyBlock()
    for language in ("ti", "ps", "fa-AF", "ar"):
        block.clean(block.to_python(raw_testimony(media_file=audio, language=language)))
    block.clean(block.to_python(raw_testimony(media_file=video, captions=captions)))

    assert errors_of(raw_testimony(media_file=audio, language="klingon")).keys() == {"language"}


# The site ----------------------------------------------------------------------------------


@pytest.fixture
def story(english_tree, video, audio, captions, soundcloud):
    """Amina's story with a Somali video testimony, an English audio one and an Arabic one
    on SoundCloud."""
    story = english_tree.story
    story.body = [
        {"type": "testimony", "value": raw_testimony(media_file=video, captions=captions)},
        {"type": "testimony", "value": raw_testimony(media_file=audio, language="en")},
        {"type": "testimony", "value": raw_testimony(media_url=SOUNDCLOUD, language="ar")},
    ]
    story.save_revision().publish()
    return story


def arabic_alias(story):
    """The story in the Arabic tree: an alias of the English one, not translated yet."""
    sync_locales()
    return story.get_translation(Locale.objects.get(language_code="ar"))


def figures_in(html):
    return re.findall(r'<figure class="block-testimony">.*?</figure>', html, re.DOTALL)


def test_testimonies_play_natively_with_captions_and_their_transcript_in_a_disclosure(
    client, story, video, captions
):
    html = client.get(story.url).content.decode()

    somali, english, arabic = figures_in(html)
    assert '<video class="block-testimony__media" controls preload="none">' in somali
    assert f'<source src="{video.url}" type="video/mp4">' in somali
    assert (
        f'<track kind="captions" src="{captions.url}" srclang="so" label="Somali" default>'
        in somali
    )
    assert '<audio class="block-testimony__media" controls preload="none">' in english
    assert 'type="audio/mpeg"' in english and "<track" not in english
    assert 'src="https://w.soundcloud.com/player/' in arabic
    assert f'href="{SOUNDCLOUD}"' in arabic
    for figure in (somali, english, arabic):
        assert "<details" in figure and "<summary>Transcript</summary>" in figure
        assert "<b>forty women</b>" in figure
        assert "<dd><bdi>Amina Yusuf</bdi></dd>" in figure
        assert '<time datetime="2026-05-01">' in figure
        assert " style=" not in figure and "<script" not in figure
    assert '<div class="rich-text" lang="so" dir="ltr">' in somali
    assert '<div class="rich-text">' in english, "the page's own language is not marked"
    assert '<div class="rich-text" lang="ar" dir="rtl">' in arabic
    assert "<dd>Arabic</dd>" in arabic
    # The documents are chosen, not copied: Wagtail's reference index knows who uses them.
    for document in (video, captions):
        pages = ReferenceIndex.get_references_to(document).values_list("object_id", flat=True)
        assert str(story.pk) in set(pages)


def test_on_arabic_pages_the_transcript_keeps_its_own_language_and_direction(
    client, story, django_capture_on_commit_callbacks
):
    alias_page = arabic_alias(story)
    arabic = alias_page.locale

    # Not translated yet: the alias's words are English, so the Arabic transcript says so.
    alias = client.get(alias_page.url).content.decode()
    assert '<html lang="ar" dir="rtl">' in alias
    somali, english, arabic_testimony = figures_in(alias)
    assert "<dd>الصومالية</dd>" in somali, "the language named in the page's language"
    assert 'lang="ar" dir="rtl"' in arabic_testimony
    assert '<div class="rich-text">' in english, "English inside the alias's English body"

    # Translated with wagtail-localize: the testimonies are kept as they are.
    source, _created = TranslationSource.get_or_create_from_instance(story)
    assert not [
        segment.context.path
        for segment in StringSegment.objects.filter(source=source).select_related("context")
        if segment.context.path.startswith("body.")
    ], "nothing of a testimony is offered for translation"
    translation = Translation.objects.create(source=source, target_locale=arabic)
    hero_name = StringSegment.objects.get(source=source, context__path="hero_name")
    StringTranslation.objects.create(
        translation_of=hero_name.string,
        locale=arabic,
        context=hero_name.context,
        data="أمينة يوسف",
    )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    translated = HeroStoryPage.objects.get(translation_key=story.translation_key, locale=arabic)
    assert translated.alias_of_id is None

    html = client.get(translated.url).content.decode()
    somali, english, arabic_testimony = figures_in(html)
    assert '<div class="rich-text" lang="so" dir="ltr">' in somali
    assert '<div class="rich-text" lang="en" dir="ltr">' in english
    assert '<div class="rich-text">' in arabic_testimony, "an Arabic page's own language"
    assert "I left Mogadishu in 2012." in english, "the speaker's words, not translated"


# Consent -----------------------------------------------------------------------------------


def test_a_recording_without_the_speakers_consent_cannot_be_used(english_tree):
    pending = DocumentFactory(
        title="Unconsented", file=ContentFile(media_samples.silent_mp3(), name="u.mp3")
    )
    story = english_tree.story
    story.body = [{"type": "testimony", "value": raw_testimony(media_file=pending)}]

    with pytest.raises(ValidationError) as raised:
        story.full_clean()

    assert raised.value.message_dict["body"] == [f"“Unconsented”: {RECORDING_CONSENT_MISSING}"]


def test_a_withdrawn_consent_takes_the_testimony_off_every_page_api_and_file_address(
    client, story, audio, django_capture_on_commit_callbacks
):
    alias = arabic_alias(story)
    assert len(figures_in(client.get(alias.url).content.decode())) == 3

    with django_capture_on_commit_callbacks(execute=True):
        audio.consent = RecordingConsent.PENDING
        audio.save()

    for page in (story, alias):
        assert len(figures_in(client.get(page.url).content.decode())) == 2
    values = [item["value"] for item in client.get(f"/api/v3/pages/{story.pk}/").json()["body"]]
    assert values[1] is None
    assert client.get(audio.url).status_code == 404
    client.force_login(UserFactory(superuser=True))
    assert client.get(audio.url).status_code == 200, "its editors still reach it"


# The API -----------------------------------------------------------------------------------


def test_the_api_gives_each_testimony_as_its_typed_schema_says(
    client, story, video, captions, settings
):
    body = client.get(f"/api/v3/pages/{story.pk}/").json()["body"]
    item = stream_item_schema(StoryBodyBlock(), model=HeroStoryPage, field_name="body")

    TypeAdapter(list[item]).validate_python(body, strict=False)
    somali, english, arabic = (block["value"] for block in body)
    assert somali == {
        "media": {
            "kind": "video",
            "url": f"{settings.WAGTAILAPI_BASE_URL}{video.url}",
            "mime_type": "video/mp4",
            "embed": None,
        },
        "transcript": TRANSCRIPT,
        "captions_url": f"{settings.WAGTAILAPI_BASE_URL}{captions.url}",
        "language": "so",
        "speaker": "Amina Yusuf",
        "recorded_on": "2026-05-01",
    }
    assert english["media"]["kind"] == "audio" and english["media"]["mime_type"] == "audio/mpeg"
    assert english["captions_url"] is None
    assert arabic["media"]["kind"] == "embed" and arabic["media"]["url"] == SOUNDCLOUD
    assert arabic["media"]["mime_type"] is None
    assert arabic["media"]["embed"]["provider_name"] == "SoundCloud"


def test_the_openapi_document_types_the_testimony_block(client):
    schemas = client.get("/api/v3/openapi.json").json()["components"]["schemas"]

    items = schemas["HeroStoryPageSchema"]["properties"]["body"]["items"]
    assert "testimony" in items["discriminator"]["mapping"]
    value = schemas["TestimonyValue"]
    assert set(value["required"]) == {
        "media",
        "transcript",
        "captions_url",
        "language",
        "speaker",
        "recorded_on",
    }
    assert value["properties"]["recorded_on"] == {
        "format": "date",
        "title": "Recorded On",
        "type": "string",
    }
    media = schemas["TestimonyMediaDict"]["properties"]
    assert media["kind"]["enum"] == ["audio", "video", "embed"]
