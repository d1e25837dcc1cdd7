"""Photos the public sends: checked to be images, stripped of their metadata, re-encoded.

A phone photo carries its GPS position, camera and date in EXIF: personal data that must
never leave with the picture. The same rule as every image of the platform strips it
(cms.core.image_metadata); the photo is then made a JPEG of a reviewer's size.
"""

import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image

from cms.core.image_metadata import (
    MAX_PIXELS,
    TooManyPixels,
    UnreadableImage,
    strip_metadata,
)

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
LONGEST_SIDE = 2000
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}


def clean_photo(upload):
    """A safe JPEG ContentFile from an uploaded file, or ValidationError with the reason."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The photo is larger than %(size)s MB.") % {"size": MAX_UPLOAD_BYTES // 2**20},
            code="too_large",
        )
    upload.seek(0)
    try:
        clean = strip_metadata(upload.read(), max_pixels=MAX_PIXELS)
    except TooManyPixels:
        raise ValidationError(_("The photo has too many pixels."), code="too_large") from None
    except UnreadableImage:
        raise ValidationError(_("This file is not a photo we can read."), code="invalid") from None
    if clean.format not in ACCEPTED_FORMATS:
        raise ValidationError(_("Send a JPEG, PNG or WebP photo."), code="format")
    try:
        with Image.open(io.BytesIO(clean.content)) as image:
            image = image.convert("RGB")
            image.thumbnail((LONGEST_SIDE, LONGEST_SIDE))
            buffer = io.BytesIO()
            image.save(buffer, format="JPEG", quality=88)  # its pixels only: no metadata
    except (OSError, SyntaxError):
        raise ValidationError(_("This file is not a photo we can read."), code="invalid") from None
    return ContentFile(buffer.getvalue(), name="hero.jpg")
