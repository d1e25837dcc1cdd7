"""Tiny recordings made in the tests, as a phone or a recorder would tag them (no ffmpeg).

Each carries where it was recorded ("48.8584 N 2.2945 E", the Eiffel Tower) in the places its
format keeps it; `SECRETS` are the bytes no stored file may still contain.
"""

import io
import struct

from mutagen.flac import FLAC, Picture
from mutagen.id3 import COMM, ID3, TIT2, TXXX
from mutagen.ogg import OggPage

LOCATION = "+48.8584+002.2945/"
SECRETS = (b"48.8584", b"HiddenCam")
#: The bytes of the MP4's one video sample, to find them again where `stco` says they are.
MP4_SAMPLE = b"\x00\x00\x00\x0c\x65\x88\x84\x00MigrantHeroes-sample"


# MP3 ---------------------------------------------------------------------------------------


def silent_mp3(frames=12):
    """MPEG-1 Layer III frames, 128 kbit/s, 44.1 kHz, all zeros after the header: silence."""
    header = b"\xff\xfb\x90\x64"
    return (header + bytes(417 - len(header))) * frames


def tagged_mp3():
    """An MP3 with an ID3v2.4 tag (title, comment, a TXXX location) and an ID3v1 tag."""
    buffer = io.BytesIO(silent_mp3())
    tags = ID3()
    tags.add(TIT2(encoding=3, text="Amina's testimony"))
    tags.add(COMM(encoding=3, lang="eng", desc="", text="Recorded at 48.8584 N 2.2945 E"))
    tags.add(TXXX(encoding=3, desc="location", text=LOCATION))
    tags.add(TXXX(encoding=3, desc="device", text="HiddenCam recorder"))
    tags.save(buffer, v1=2)
    return buffer.getvalue()


# MP4 ---------------------------------------------------------------------------------------


def box(kind, *payload):
    body = b"".join(payload)
    return struct.pack(">I4s", 8 + len(body), kind) + body


def full_box(kind, version_flags, *payload):
    return box(kind, struct.pack(">I", version_flags), *payload)


MATRIX = struct.pack(">9I", 0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000)


def _track(track_id, handler, sample_entry, media_header, sample_offset, sample_size):
    return box(
        b"trak",
        full_box(
            b"tkhd", 3, struct.pack(">IIIII", 0, 0, track_id, 0, 1000), bytes(8),
            struct.pack(">hhhH", 0, 0, 0x100 if handler == b"soun" else 0, 0), MATRIX,
            struct.pack(">II", 16 << 16, 16 << 16),
        ),
        box(
            b"mdia",
            full_box(b"mdhd", 0, struct.pack(">IIIIHH", 0, 0, 1000, 1000, 0x55C4, 0)),
            full_box(b"hdlr", 0, bytes(4), handler, bytes(12), b"Handler\x00"),
            box(
                b"minf",
                media_header,
                box(b"dinf", full_box(b"dref", 0, struct.pack(">I", 1), full_box(b"url ", 1))),
                box(
                    b"stbl",
                    full_box(b"stsd", 0, struct.pack(">I", 1), sample_entry),
                    full_box(b"stts", 0, struct.pack(">III", 1, 1, 1000)),
                    full_box(b"stsc", 0, struct.pack(">IIII", 1, 1, 1, 1)),
                    full_box(b"stsz", 0, struct.pack(">III", 0, 1, sample_size)),
                    full_box(b"stco", 0, struct.pack(">II", 1, sample_offset)),
                ),
            ),
        ),
        # A track's own user data: where, again.
        box(b"udta", box(b"\xa9xyz", struct.pack(">HH", len(LOCATION), 0x15C7), LOCATION.encode())),
    )  # fmt: skip


def _video_entry():
    sps, pps = b"\x67\x42\x00\x0a", b"\x68\xce\x38\x80"
    avcc = box(b"avcC", bytes([1, 66, 0, 10, 0xFF, 0xE1]), struct.pack(">H", 4), sps,
               b"\x01", struct.pack(">H", 4), pps)  # fmt: skip
    return box(
        b"avc1", bytes(6), struct.pack(">H", 1), bytes(16), struct.pack(">HH", 16, 16),
        struct.pack(">II", 0x480000, 0x480000), bytes(4), struct.pack(">H", 1), bytes(32),
        struct.pack(">Hh", 0x18, -1), avcc,
    )  # fmt: skip


def _itunes_item(kind, text):
    return box(kind, full_box(b"data", 1, bytes(4), text.encode()))


def _moov(sample_offset, *, handler=b"vide", extra_tracks=()):
    media_header = (
        full_box(b"vmhd", 1, bytes(8)) if handler == b"vide" else full_box(b"smhd", 0, bytes(4))
    )
    return box(
        b"moov",
        full_box(
            b"mvhd", 0, struct.pack(">IIII", 0, 0, 1000, 1000), struct.pack(">IH", 0x10000, 0x100),
            bytes(10), MATRIX, bytes(24), struct.pack(">I", 3),
        ),
        _track(1, handler, _video_entry(), media_header, sample_offset, len(MP4_SAMPLE)),
        *extra_tracks,
        # Android's and QuickTime's place: moov/udta/©xyz, outside the iTunes tags.
        box(
            b"udta",
            box(b"\xa9xyz", struct.pack(">HH", len(LOCATION), 0x15C7), LOCATION.encode()),
            box(b"\xa9mak", struct.pack(">HH", 9, 0x15C7), b"HiddenCam"),
            # The iTunes tags mutagen reads and writes: moov/udta/meta/ilst.
            full_box(
                b"meta", 0,
                full_box(b"hdlr", 0, bytes(4), b"mdir", b"appl", bytes(8), b"\x00"),
                box(
                    b"ilst",
                    _itunes_item(b"\xa9nam", "Amina's testimony"),
                    _itunes_item(b"\xa9day", "2026-05-01"),
                    _itunes_item(b"\xa9cmt", "Recorded at 48.8584 N 2.2945 E"),
                ),
            ),
        ),
        # Apple's: moov/meta with keys, com.apple.quicktime.location.ISO6709.
        full_box(
            b"meta", 0,
            full_box(b"hdlr", 0, bytes(4), b"mdta", bytes(12), b"\x00"),
            full_box(b"keys", 0, struct.pack(">I", 1),
                     box(b"mdta", b"com.apple.quicktime.location.ISO6709")),
            box(b"ilst", box(struct.pack(">I", 1),
                             full_box(b"data", 1, bytes(4), LOCATION.encode()))),
        ),
    )  # fmt: skip


def tagged_mp4(*, handler=b"vide", extra_tracks=()):
    """An MP4 (moov before mdat, as phones and "fast start" write it) with one video sample
    and its location in moov/udta/©xyz, trak/udta/©xyz, moov/meta (Apple's keys) and the
    iTunes tags; an XMP uuid box at the end."""
    ftyp = box(b"ftyp", b"isom", struct.pack(">I", 0x200), b"isomiso2avc1mp41")
    size = len(_moov(0, handler=handler, extra_tracks=extra_tracks))
    sample_offset = len(ftyp) + size + 8
    moov = _moov(sample_offset, handler=handler, extra_tracks=extra_tracks)
    xmp = box(
        b"uuid", bytes.fromhex("BE7ACFCB97A942E89C71999491E3AFAC"),
        b'<x:xmpmeta><rdf:Description exif:GPSLatitude="48.8584N"/></x:xmpmeta>',
    )  # fmt: skip
    return ftyp + moov + box(b"mdat", MP4_SAMPLE) + xmp


def gps_track():
    """A timed metadata track (handler `meta`), as action cameras record a GPS trail."""
    entry = box(b"gpmd", bytes(6), struct.pack(">H", 1))
    return _track(2, b"meta", entry, full_box(b"nmhd", 0), 0, 0)


def sample_offset_of(content):
    """Where the first track's `stco` says its sample is."""
    position = content.index(b"stco") + 4 + 4 + 4  # the kind, version and flags, entry count
    return struct.unpack(">I", content[position : position + 4])[0]


# Ogg Opus and FLAC -------------------------------------------------------------------------


def tagged_opus():
    """An Ogg Opus file: one second of silence, and Vorbis comments with the place."""
    head = b"OpusHead" + struct.pack("<BBHIhB", 1, 1, 312, 48000, 0, 0)
    comments = [b"TITLE=Amina's testimony", b"LOCATION=48.8584 N 2.2945 E"]
    tags = b"OpusTags" + struct.pack("<I", 9) + b"HiddenCam" + struct.pack("<I", len(comments))
    tags += b"".join(struct.pack("<I", len(comment)) + comment for comment in comments)
    pages = []
    for sequence, (packets, position) in enumerate(
        [([head], 0), ([tags], 0), ([b"\xf8\xff\xfe"] * 50, 48000 + 312)]
    ):
        page = OggPage()
        page.serial, page.sequence, page.position, page.packets = 7, sequence, position, packets
        page.first, page.last = sequence == 0, sequence == 2
        pages.append(page.write())
    return b"".join(pages)


def tagged_flac():
    """A FLAC file's metadata (STREAMINFO, one second at 44.1 kHz) with comments and a picture."""
    streaminfo = struct.pack(">HH", 4096, 4096) + bytes(6)
    streaminfo += struct.pack(">Q", (44100 << 44) | (0 << 41) | (15 << 36) | 44100)
    streaminfo += bytes(16)
    buffer = io.BytesIO(b"fLaC" + struct.pack(">I", (0x80 << 24) | len(streaminfo)) + streaminfo)
    recording = FLAC(buffer)
    recording.add_tags()
    recording.tags["LOCATION"] = "48.8584 N 2.2945 E"
    picture = Picture()
    picture.type, picture.mime, picture.data = 3, "image/jpeg", b"HiddenCam cover"
    recording.add_picture(picture)
    buffer.seek(0)
    recording.save(buffer)
    return buffer.getvalue()


WEBVTT = "WEBVTT\n\n00:00.000 --> 00:02.000\nمرحبا، اسمي أمينة.\n".encode()
