"""A photo the public sends is checked before anything else: its size, pixels and format."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from cms.core.image_metadata import MAX_PIXELS
from heroes.photos import LONGEST_SIDE, MAX_UPLOAD_BYTES, clean_photo


def upload(image_format, size=(800, 600), mode="RGB", name="hero"):
    buffer = io.BytesIO()
    Image.new(mode, size).save(buffer, format=image_format)
    return SimpleUploadedFile(f"{name}.{image_format.lower()}", buffer.getvalue())


def refusal(photo):
    with pytest.raises(ValidationError) as error:
        clean_photo(photo)
    return error.value.code, error.value.messages


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_a_jpeg_png_or_webp_photo_is_kept_as_a_jpeg(image_format):
    clean = clean_photo(upload(image_format))

    with Image.open(io.BytesIO(clean.read())) as stored:
        assert (stored.format, stored.size) == ("JPEG", (800, 600))


def test_a_large_photo_is_brought_down_to_a_reviewers_size():
    clean = clean_photo(upload("PNG", size=(LONGEST_SIDE * 2, LONGEST_SIDE), mode="1"))

    with Image.open(io.BytesIO(clean.read())) as stored:
        assert stored.size == (LONGEST_SIDE, LONGEST_SIDE // 2)


@pytest.mark.parametrize("image_format", ["GIF", "BMP", "TIFF"])
def test_a_readable_image_of_another_format_is_refused(image_format):
    assert refusal(upload(image_format)) == ("format", ["Send a JPEG, PNG or WebP photo."])


def test_a_file_over_ten_megabytes_is_refused_before_it_is_read():
    photo = upload("JPEG")
    photo.size = MAX_UPLOAD_BYTES + 1  # a 10 MB photo, without making one

    assert refusal(photo) == ("too_large", ["The photo is larger than 10 MB."])


def test_a_file_of_exactly_ten_megabytes_is_read():
    photo = upload("JPEG")
    photo.size = MAX_UPLOAD_BYTES

    assert clean_photo(photo).size > 0


def test_more_pixels_than_a_photo_has_is_refused_before_it_is_decoded():
    # A few kilobytes of PNG that would decode into more than MAX_PIXELS pixels.
    bomb = upload("PNG", size=(MAX_PIXELS // 4000 + 1, 4000), mode="1")
    assert bomb.size < 1024 * 1024

    assert refusal(bomb) == ("too_large", ["The photo has too many pixels."])


def test_a_file_that_is_no_image_is_refused():
    fake = SimpleUploadedFile("hero.jpg", b"%PDF-1.4 not a photo")

    assert refusal(fake) == ("invalid", ["This file is not a photo we can read."])
