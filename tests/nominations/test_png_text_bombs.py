"""PNG text-chunk bombs sent as a hero's photo: a clear refusal, in bounded memory.

A PNG may carry compressed text (zTXt) and a compressed colour profile (iCCP): a few
kilobytes that inflate to tens of megabytes. Through the site's form and the API, each is
refused as a photo that cannot be read (the nomination is not stored), never a 500, and
reading it costs at most Pillow's limits: 1 MB per chunk (PngImagePlugin.MAX_TEXT_CHUNK),
64 MB for all the text of one image (MAX_TEXT_MEMORY).
"""

import struct
import tracemalloc
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from heroes.models import Nomination
from tests.factories import NominatePageFactory
from tests.nominations.test_nominations import form_data

pytestmark = pytest.mark.django_db
MB = 2**20


def chunk(kind, data):
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def deflated(size):
    """zlib data inflating to `size` zero bytes, made a megabyte at a time."""
    compressor, block = zlib.compressobj(9), bytes(MB)
    parts = [compressor.compress(block[: min(MB, size - done)]) for done in range(0, size, MB)]
    return b"".join(parts) + compressor.flush()


def ztxt(keyword, size):
    return chunk(b"zTXt", keyword + b"\x00\x00" + deflated(size))


def iccp(size):
    return chunk(b"iCCP", b"sRGB\x00\x00" + deflated(size))


def png(before_image=(), after_image=()):
    """An 8 by 8 RGB PNG with `before_image` chunks before its IDAT and `after_image` after."""
    header = struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\xc8\x78\x28" * 8 for _ in range(8))
    return b"".join(
        [
            b"\x89PNG\r\n\x1a\n",
            chunk(b"IHDR", header),
            *before_image,
            chunk(b"IDAT", zlib.compress(rows)),
            *after_image,
            chunk(b"IEND", b""),
        ]
    )


BOMBS = {
    "a zTXt of 50 MB": (lambda: png(before_image=[ztxt(b"Comment", 50 * MB)]), 16 * MB),
    "a zTXt of 50 MB after the pixels": (
        lambda: png(after_image=[ztxt(b"Comment", 50 * MB)]),
        16 * MB,
    ),
    "an iCCP of 50 MB": (lambda: png(before_image=[iccp(50 * MB)]), 16 * MB),
    "80 zTXt of 0.9 MB": (
        lambda: png(before_image=[ztxt(b"k%d" % n, 900 * 1024) for n in range(80)]),
        80 * MB,
    ),
}


@pytest.fixture(params=list(BOMBS), ids=list(BOMBS))
def bomb(request):
    make, memory_bound = BOMBS[request.param]
    content = make()
    assert len(content) < 100 * 1024  # a small upload
    return SimpleUploadedFile("hero.png", content, content_type="image/png"), memory_bound


def post_measured(client, url, data):
    """The response to a POST, and the peak of the memory Python allocated meanwhile."""
    tracemalloc.start()
    try:
        response = client.post(url, data)
        return response, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_png_text_bomb_sent_through_the_api_is_refused_as_a_photo_in_bounded_memory(client, bomb):
    photo, memory_bound = bomb

    response, peak = post_measured(client, "/api/v3/nominations/", {**form_data(), "photo": photo})

    assert response.status_code == 422, response.content[:500]
    assert response["Content-Type"] == "application/problem+json"
    assert [error["loc"][-1] for error in response.json()["errors"]] == ["photo"]
    assert peak < memory_bound, f"{peak / MB:.1f} MB"
    assert not Nomination.objects.exists()


def test_a_png_text_bomb_sent_through_the_form_is_a_form_error_in_bounded_memory(
    client, home_page, bomb
):
    page = NominatePageFactory(parent=home_page)
    photo, memory_bound = bomb

    response, peak = post_measured(client, page.url, {**form_data(), "photo": photo})

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["photo"]
    assert "This file is not a photo we can read." in response.content.decode()
    assert peak < memory_bound, f"{peak / MB:.1f} MB"
    assert not Nomination.objects.exists()
