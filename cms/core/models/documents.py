import io
import os

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document
from wagtail.utils.file import hash_filelike

from cms.core import media_formats, media_metadata
from cms.core.models.files import CleanedWhenNew

#: The fields that describe a document's file, rewritten with it.
FILE_FIELDS = ("file", "file_size", "file_hash", "media_type")


class RecordingConsent(models.TextChoices):
    """What the person recorded agreed to. Only some choices allow publication."""

    WRITTEN = "written", _("Written consent on file")
    VERBAL = "verbal", _("Verbal consent, recorded in the notes")
    PUBLIC_FIGURE = "public_figure", _("Public figure, recording already public")
    PENDING = "pending", _("Consent not yet obtained")


class CampaignDocument(CleanedWhenNew, AbstractDocument):
    """A document of the campaign (info sheet, donor sheet, press kit …), or a recording.

    A recording (audio or video, see cms.core.media_metadata) is stored without its hidden
    data, like a photo, and carries the consent of the person recorded, like a photo: the
    rule that no page shows it without that consent is cms.core.consent's. Captions are
    WebVTT documents.
    """

    description = models.TextField(
        blank=True,
        verbose_name=_("description"),
        help_text=_("One or two sentences shown where the document is listed."),
    )
    media_type = models.CharField(
        max_length=40,
        blank=True,
        editable=False,
        verbose_name=_("media type"),
        help_text=_("Of a recording or captions, read from the file; empty for other documents."),
    )
    consent = models.CharField(
        max_length=20,
        choices=RecordingConsent.choices,
        default=RecordingConsent.PENDING,
        blank=True,  # a document uploaded with others gets the default
        verbose_name=_("consent of the person recorded"),
        help_text=_("For an audio or video recording only: other documents ignore it."),
    )
    consent_notes = models.TextField(
        blank=True,
        verbose_name=_("consent notes"),
        help_text=_("Who gave consent, when and for what use. Never published."),
    )

    admin_form_fields = (*Document.admin_form_fields, "description", "consent", "consent_notes")

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def clean(self):
        """A new recording must be one that can be stripped; new captions must be WebVTT."""
        if self._has_new_file():
            try:
                self._clean_file()
            except media_metadata.RefusedMedia as error:
                raise ValidationError({"file": str(error)}) from None
        super().clean()

    file_fields = FILE_FIELDS

    def clean_new_file(self):
        """Every new recording is stored without its hidden data (CleanedWhenNew), or refused
        with RefusedMedia if it cannot be; its size, hash and media type are those of the
        stripped file."""
        self._clean_file()
        return True

    def _clean_file(self):
        """Strip a recording, check captions, set `media_type`; RefusedMedia when it cannot."""
        name = os.path.basename(self.file.name)
        extension = media_metadata.extension_of(name)
        self.media_type = ""
        if extension == media_formats.CAPTIONS_EXTENSION:
            media_metadata.check_captions(self._read_file())
            self.media_type = media_formats.CAPTIONS_TYPE
            return
        if not media_metadata.is_media_name(name):
            return
        clean = media_metadata.strip_metadata(self._read_file(), name=name)
        self.media_type = clean.media_type
        if not clean.stripped:
            return
        file = self.file
        if file._committed:
            # Rewritten in place: the same name, the stale content gone from storage.
            stored_name, storage = file.name, file.storage
            file.close()
            storage.delete(stored_name)
            self.file = storage.save(stored_name, ContentFile(clean.content))
        else:
            self.file = ContentFile(clean.content, name=name)
        self.file_size = len(clean.content)
        self.file_hash = hash_filelike(io.BytesIO(clean.content))

    def _read_file(self):
        file = self.file
        if file._committed:
            with file.storage.open(file.name, "rb") as stored:
                return stored.read()
        file.seek(0)
        content = file.read()
        file.seek(0)
        return content

    @property
    def is_recording(self):
        return self.media_type.startswith(("audio/", "video/"))

    @property
    def is_video(self):
        return self.media_type.startswith("video/")

    @property
    def is_captions(self):
        return self.media_type == media_formats.CAPTIONS_TYPE

    @staticmethod
    def consent_allows_publication(consent):
        """The rule (cms.core.consent): a recorded voice or face is shown once its consent is
        recorded."""
        return consent in {
            RecordingConsent.WRITTEN,
            RecordingConsent.VERBAL,
            RecordingConsent.PUBLIC_FIGURE,
        }

    @property
    def has_publishable_consent(self):
        """True for a document that records nobody; for a recording, its consent's say."""
        return not self.is_recording or self.consent_allows_publication(self.consent)
