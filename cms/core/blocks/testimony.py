"""A testimony: a migrant's own voice, recorded, with its transcript (the Migrant's Path Oral
History Project).

The recording is either a file uploaded as a Wagtail document (audio or video, stored without
its hidden data, cms.core.media_metadata, and shown only with the speaker's consent recorded
on it, cms.core.consent) or the address of a post on YouTube, Vimeo or SoundCloud (Wagtail's
oEmbed finders). An uploaded video comes with its captions (a WebVTT document). Documents are
chosen, not copied, so Wagtail's reference index knows which pages use which recording.

The transcript is what the speaker said, in the language they said it: it is not translated,
and every translation of the page shows it as it is (marked with its own `lang` and `dir`
where they differ from the page's).
"""

import datetime
from typing import Literal

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from typing_extensions import TypedDict
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from cms.core import languages
from cms.core.api_fields import absolute_url
from cms.core.consent import publishable

from .embed import SocialEmbedBlock, SocialEmbedValue
from .paragraph import ParagraphBlock

TRANSCRIPT_FEATURES = ["bold", "italic"]

BOTH = _("Choose an uploaded file or an address, not both.")
NEITHER = _("Choose an audio or video file, or give the recording's address.")
NOT_A_RECORDING = _(
    "“%(title)s” is not an audio or video recording: upload an MP3, M4A, MP4, Ogg or FLAC file."
)
NOT_CAPTIONS = _(
    "“%(title)s” is not a WebVTT file: captions are a .vtt file starting with “WEBVTT”."
)
CAPTIONS_REQUIRED = _("A video needs its captions: upload them as a WebVTT (.vtt) file.")
CAPTIONS_FOR_VIDEO_ONLY = _(
    "Captions go with an uploaded video only: a recording's words are in its transcript."
)
IN_THE_FUTURE = _("The recording date cannot be in the future.")


class TestimonyMediaDict(TypedDict):
    """The recording: an uploaded file (its URL on this site and MIME type) or a post on
    another site (its address and the oEmbed data stored for it)."""

    kind: Literal["audio", "video", "embed"]
    url: str
    mime_type: str | None
    embed: SocialEmbedValue | None


class TestimonyValue(TypedDict):
    media: TestimonyMediaDict
    transcript: str
    captions_url: str | None
    language: str
    speaker: str
    recorded_on: datetime.date


class TestimonyBlock(blocks.StructBlock):
    """A recorded testimony, its transcript, speaker, language and recording date."""

    media_file = DocumentChooserBlock(
        required=False,
        label=_("Audio or video file"),
        help_text=_(
            "An MP3, M4A, MP4, Ogg or FLAC file, with the speaker's consent recorded on it. "
            "Where it was recorded and other hidden data are removed when it is uploaded."
        ),
    )
    media_url = SocialEmbedBlock(
        required=False,
        label=_("…or its address"),
        help_text=_("The recording on YouTube, Vimeo or SoundCloud."),
    )
    transcript = ParagraphBlock(
        features=TRANSCRIPT_FEATURES,
        label=_("Transcript"),
        help_text=_(
            "Every word of the recording, in its language. Translations of the page keep it "
            "as it is."
        ),
    )
    captions = DocumentChooserBlock(
        required=False,
        label=_("Captions"),
        help_text=_("Required for an uploaded video: a WebVTT (.vtt) file."),
    )
    language = blocks.ChoiceBlock(
        choices=languages.language_choices,
        label=_("Language"),
        help_text=_("The language the speaker speaks in the recording."),
    )
    speaker = blocks.CharBlock(
        max_length=255,
        label=_("Speaker"),
        help_text=_("The name the speaker agreed to be published under."),
    )
    recorded_on = blocks.DateBlock(label=_("Recorded on"))

    class Meta:
        icon = "comment"
        label = _("Testimony")
        template = "blocks/testimony.html"

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        media_file, captions = value.get("media_file"), value.get("captions")
        if media_file is not None and value.get("media_url"):
            errors["media_url"] = ValidationError(BOTH)
        elif media_file is None and not value.get("media_url"):
            errors["media_file"] = ValidationError(NEITHER)
        elif media_file is not None and not media_file.is_recording:
            errors["media_file"] = ValidationError(NOT_A_RECORDING % {"title": media_file.title})
        is_video = media_file is not None and media_file.is_video
        if captions is not None and not captions.is_captions:
            errors["captions"] = ValidationError(NOT_CAPTIONS % {"title": captions.title})
        elif captions is not None and not is_video:
            errors["captions"] = ValidationError(CAPTIONS_FOR_VIDEO_ONLY)
        elif captions is None and is_video:
            errors["captions"] = ValidationError(CAPTIONS_REQUIRED)
        if value.get("recorded_on") and value["recorded_on"] > timezone.localdate():
            errors["recorded_on"] = ValidationError(IN_THE_FUTURE)
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value

    # Shown -----------------------------------------------------------------------------------

    def media_of(self, value) -> TestimonyMediaDict | None:
        """The recording as the public may get it; None when it may not (no file any more, not
        a recording, or the speaker's consent is not recorded: cms.core.consent)."""
        media_file = value.get("media_file")
        if media_file is not None:
            if not media_file.is_recording or publishable(media_file) is None:
                return None
            return TestimonyMediaDict(
                kind="video" if media_file.is_video else "audio",
                url=absolute_url(media_file.url),
                mime_type=media_file.media_type,
                embed=None,
            )
        if value.get("media_url"):
            embed = self.child_blocks["media_url"].get_api_representation(value["media_url"])
            return TestimonyMediaDict(kind="embed", url=embed["url"], mime_type=None, embed=embed)
        return None

    @staticmethod
    def captions_of(value, media):
        captions = value.get("captions")
        if media is None or media["kind"] != "video" or captions is None:
            return None
        return captions if captions.is_captions else None

    def get_api_representation(self, value, context=None) -> TestimonyValue | None:
        """The testimony as the site shows it; None when its recording may not be shown."""
        media = self.media_of(value)
        if media is None:
            return None
        captions = self.captions_of(value, media)
        return TestimonyValue(
            media=media,
            transcript=self.child_blocks["transcript"].get_api_representation(
                value["transcript"], context
            ),
            captions_url=absolute_url(captions.url) if captions is not None else None,
            language=value["language"],
            speaker=value["speaker"],
            recorded_on=value["recorded_on"],
        )

    def get_context(self, value, parent_context=None):
        from cms.core.templatetags.core_tags import content_language

        context = super().get_context(value, parent_context=parent_context)
        media = self.media_of(value)
        tag = value.get("language") or ""
        around = content_language((parent_context or {}).get("page"))
        context["testimony"] = None
        if media is not None:
            context["testimony"] = {
                "media": media,
                "captions": self.captions_of(value, media),
                "language": tag,
                "language_name": languages.language_name(tag),
                "direction": languages.text_direction(tag),
                "other_language": languages.primary_language(tag)
                != languages.primary_language(around),
            }
        return context

    # Translation (wagtail-localize) ----------------------------------------------------------

    def get_translatable_segments(self, value):
        """Nothing to translate: the transcript is the speaker's own words, the speaker a name,
        the rest files, an address, a language and a date. Translations keep the block as it
        is in the source page."""
        return []

    def restore_translated_segments(self, value, segments):
        return value
