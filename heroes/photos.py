"""Photos the public sends: checked to be images, re-encoded, stripped of their metadata.

A phone photo carries its GPS position, camera and date in EXIF: personal data that must
never leave with the picture. Re-encoding from the pixels keeps none of it.
"""

import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000  # about 7,700 by 5,200: more is a decompression bomb, not a photo
LONGEST_SIDE = 2000
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}


def clean_photo(upload):
    """A safe JPEG ContentFile from an uploaded file, or ValidationError with the reason."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The photo is larger than %(size)s MB.") % {"size": MAX_UPLOAD_BYTES // 2**20},
            code="too_large",
        )
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            kind = probe.format
            width, height = probe.size
            probe.verify()
        if kind not in ACCEPTED_FORMATS:
            raise ValidationError(_("Send a JPEG, PNG or WebP photo."), code="format")
        if width * height > MAX_PIXELS:
            raise ValidationError(_("The photo has too many pixels."), code="too_large")
        upload.seek(0)
        with Image.open(upload) as image:
            image = ImageOps.exif_transpose(image)  # keep it upright once EXIF is gone
            image = image.convert("RGB")
            image.thumbnail((LONGEST_SIDE, LONGEST_SIDE))
            buffer = io.BytesIO()
            image.save(buffer, format="JPEG", quality=88)  # no exif= argument: none is kept
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        raise ValidationError(_("This file is not a photo we can read."), code="invalid") from None
    return ContentFile(buffer.getvalue(), name="hero.jpg")
