import io
import os

from django.core.files.base import ContentFile
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.search import index
from wagtail.utils.file import hash_filelike

from cms.core.image_metadata import strip_metadata
from cms.core.models.files import CleanedWhenNew

#: The fields that describe an image's file, rewritten with it.
FILE_FIELDS = ("file", "width", "height", "file_size", "file_hash")


class PhotoConsent(models.TextChoices):
    """What the pictured person agreed to. Only some choices allow publication."""

    WRITTEN = "written", _("Written consent on file")
    VERBAL = "verbal", _("Verbal consent, recorded in the notes")
    PUBLIC_FIGURE = "public_figure", _("Public figure, photo already public")
    NO_PERSON = "no_person", _("No identifiable person pictured")
    PENDING = "pending", _("Consent not yet obtained")


class CampaignImage(CleanedWhenNew, AbstractImage):
    """A campaign photo: alt text is required, and it carries its credit and consent record."""

    # Wagtail uses `description` as an image's alt text; here it may not be left empty.
    description = models.CharField(
        max_length=255,
        verbose_name=_("alt text"),
        help_text=_(
            "Describe the image for people who cannot see it, e.g. "
            "'Amina teaching a sewing class in Nairobi'."
        ),
    )
    credit = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("photographer credit"),
        help_text=_("Shown with the photo, e.g. '© IOM 2026 / Jane Doe'."),
    )
    consent = models.CharField(
        max_length=20,
        choices=PhotoConsent.choices,
        default=PhotoConsent.PENDING,
        verbose_name=_("consent of the pictured person"),
    )
    consent_notes = models.TextField(
        blank=True,
        verbose_name=_("consent notes"),
        help_text=_("Who gave consent, when and for what use. Never published."),
    )

    admin_form_fields = (
        *Image.admin_form_fields,
        "credit",
        "consent",
        "consent_notes",
    )
    search_fields = [*AbstractImage.search_fields, index.SearchField("credit")]

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    file_fields = FILE_FIELDS

    def clean_new_file(self):
        """Every new file is stored without its metadata (CleanedWhenNew): its width, height,
        size and hash are those of the stripped file."""
        return self.strip_file_metadata()

    def strip_file_metadata(self):
        """Strip the file of its metadata (in storage if it is stored); True if it had any.

        Raises cms.core.image_metadata.UnsafeImage for a file that is no image or a
        decompression bomb.
        """
        file = self.file
        if file._committed:
            with file.storage.open(file.name, "rb") as stored:
                content = stored.read()
        else:
            file.seek(0)
            content = file.read()
            file.seek(0)
        clean = strip_metadata(content)
        if not clean.stripped:
            return False
        if file._committed:
            # Rewritten in place: the same name, the stale content gone from storage.
            name, storage = file.name, file.storage
            file.close()
            storage.delete(name)
            self.file = storage.save(name, ContentFile(clean.content))
        else:
            self.file = ContentFile(clean.content, name=os.path.basename(file.name))
        self.width, self.height = clean.width, clean.height
        self.file_size = len(clean.content)
        self.file_hash = hash_filelike(io.BytesIO(clean.content))
        return True

    @property
    def alt_text(self):
        return self.description

    @property
    def default_alt_text(self):
        return self.description

    @staticmethod
    def consent_allows_publication(consent):
        """The rule (cms.core.consent): a face is shown once its consent is recorded."""
        return consent != PhotoConsent.PENDING

    @property
    def has_publishable_consent(self):
        return self.consent_allows_publication(self.consent)


class CampaignRendition(AbstractRendition):
    image = models.ForeignKey(CampaignImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
