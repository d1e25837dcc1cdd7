"""Audio and video without hidden data: what every recording uploaded as a document goes through.

A recording carries more than its sound and pictures, as a photo carries more than its pixels
(cms.core.image_metadata): ID3 tags in an MP3, iTunes tags, QuickTime user data and timed
metadata tracks in an MP4, Vorbis comments in Ogg and FLAC. A phone's video keeps where it was
recorded in `©xyz` ("+48.8584+002.2945/"), in the `moov/udta` box of the file, beside the
iTunes tags mutagen reads (`moov/udta/meta/ilst`) but outside them. So a recording is stored
with none of it:

- MP3: ID3v1 and ID3v2 tags and APEv2 tags removed (mutagen).
- MP4 and M4A: the iTunes tags removed by mutagen (which rewrites the sample offsets when the
  file shrinks); then every user-data and metadata box mutagen does not cover (`udta`, `meta`
  and `uuid` boxes of the file, of `moov` and of each `trak`, among them `©xyz`, `loci`, Apple's
  `com.apple.quicktime.location.ISO6709` and XMP) is overwritten in place by a `free` box of
  the same size, filled with zeros. Nothing moves, so the sample offsets stay right. A file
  with a timed metadata track (a GPS trail, as action cameras and some phones record it beside
  the video) is refused: its samples are in the media data and cannot be cut out safely.
- Ogg (a single Vorbis or Opus stream) and FLAC: their comments removed (mutagen), with the
  vendor string naming the program that wrote the file, and FLAC's pictures, application
  blocks and cue sheet.

Only these formats are accepted as recordings (`FORMATS`): anything else that is audio or
video is refused with a message saying which formats are. Captions are WebVTT files
(`is_webvtt`), text with nothing hidden to strip.

A recording that carries nothing of the kind is returned as it is, byte for byte.
"""

import io
import mimetypes
import struct
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from mutagen import apev2, id3
from mutagen.flac import FLAC
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4
from mutagen.ogg import OggPage
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis

from cms.core.media_formats import RECORDING_TYPES

#: The recordings accepted, by extension: their MIME type (cms.core.media_formats).
FORMATS = RECORDING_TYPES
#: Audio and video extensions refused (besides any that Python's mimetypes calls audio/video).
OTHER_MEDIA_EXTENSIONS = {
    "3g2", "3gp", "aac", "aif", "aifc", "aiff", "amr", "ape", "avi", "caf", "flv", "m2ts",
    "m4b", "m4v", "mka", "mkv", "mov", "mpeg", "mpg", "mts", "ogv", "qt", "ts", "wav", "weba",
    "webm", "wma", "wmv",
}  # fmt: skip

REFUSED_FORMAT = _(
    "Audio and video must be MP3, M4A, MP4, Ogg (Vorbis or Opus) or FLAC files: the hidden "
    "data of those (such as where they were recorded) is removed when they are uploaded. "
    "Convert this file to one of them first."
)
UNREADABLE = _("This file is not a readable %(format)s file.")
TIMED_METADATA = _(
    "This video carries a track of timed data (such as a GPS trail) that cannot be removed: "
    "export it again without that track."
)
OGG_STREAMS = _("An Ogg file must hold a single Vorbis or Opus audio stream.")
NOT_WEBVTT = _("Captions must be a WebVTT file: its first line starts with “WEBVTT”.")

#: MP4 boxes kept, by parent: any other box there (udta, meta, uuid …) becomes `free`.
MP4_KEPT = {
    None: {b"ftyp", b"moov", b"mdat", b"free", b"skip", b"wide", b"moof", b"mfra", b"sidx",
           b"ssix", b"styp", b"pdin", b"prft"},
    b"moov": {b"mvhd", b"trak", b"mvex", b"iods", b"free", b"skip", b"wide", b"pssh"},
    b"trak": {b"tkhd", b"tref", b"trgr", b"edts", b"mdia", b"free", b"skip", b"wide"},
}  # fmt: skip
#: The kinds of track a recording may have (handler types): video, sound, text and
#: subtitles (chapters, captions), timecode. Timed metadata (`meta`, `camm` …) is refused.
MP4_TRACK_HANDLERS = {b"vide", b"soun", b"text", b"sbtl", b"subt", b"clcp", b"tmcd"}


class RefusedMedia(ValueError):
    """Not a recording the platform can store without its hidden data; the message says why."""

    def __init__(self, message, **params):
        self.message, self.params = message, params
        super().__init__(str(message) % params if params else str(message))

    def __str__(self):
        return str(self.message) % self.params if self.params else str(self.message)


@dataclass(frozen=True)
class CleanMedia:
    content: bytes
    media_type: str  # "audio/mpeg", "video/mp4" …
    stripped: bool  # False when the file carried nothing and `content` is the input unchanged

    @property
    def is_video(self):
        return self.media_type.startswith("video/")


def extension_of(name):
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def is_media_name(name):
    """Whether a file of this name is audio or video (accepted or not)."""
    extension = extension_of(name)
    guessed = mimetypes.guess_type(f"file.{extension}")[0] or ""
    return (
        extension in FORMATS
        or extension in OTHER_MEDIA_EXTENSIONS
        or guessed.startswith(("audio/", "video/"))
    )


def check_name(name):
    """RefusedMedia for an audio or video file of a format that cannot be stripped."""
    if is_media_name(name) and extension_of(name) not in FORMATS:
        raise RefusedMedia(REFUSED_FORMAT)


def strip_metadata(content, *, name):
    """The recording in `content` (bytes, a file called `name`) without its hidden data.

    Raises RefusedMedia for a format that cannot be stripped, a file that is not what its
    extension says, or an MP4 with a timed metadata track.
    """
    check_name(name)
    extension = extension_of(name)
    strip = {
        "mp3": _strip_mp3,
        "m4a": _strip_mp4,
        "mp4": _strip_mp4,
        "ogg": _strip_ogg,
        "oga": _strip_ogg,
        "opus": _strip_ogg,
        "flac": _strip_flac,
    }[extension]
    buffer = io.BytesIO(content)
    try:
        media_type = strip(buffer, FORMATS[extension])
    except RefusedMedia:
        raise
    except Exception:  # hostile input: any parser's error is "not readable", never a 500
        raise RefusedMedia(UNREADABLE, format=extension.upper()) from None
    clean = buffer.getvalue()
    return CleanMedia(clean, media_type, stripped=clean != content)


def is_webvtt(content):
    """Whether `content` (bytes) is a WebVTT file: UTF-8 text whose first line is WEBVTT."""
    content = content.removeprefix(b"\xef\xbb\xbf")
    if not content.startswith(b"WEBVTT"):
        return False
    if content[6:7] not in {b"", b" ", b"\t", b"\n", b"\r"}:
        return False
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def check_captions(content):
    if not is_webvtt(content):
        raise RefusedMedia(NOT_WEBVTT)


# MP3 ---------------------------------------------------------------------------------------


def _strip_mp3(buffer, media_type):
    MP3(buffer)  # refuses what has no MPEG audio frames
    buffer.seek(0)
    id3.delete(buffer, delete_v1=True, delete_v2=True)
    buffer.seek(0)
    apev2.delete(buffer)
    buffer.seek(0)
    if MP3(buffer).tags is not None:  # an ID3 tag mutagen could not delete
        raise RefusedMedia(UNREADABLE, format="MP3")
    return media_type


# MP4 and M4A -------------------------------------------------------------------------------


def _strip_mp4(buffer, media_type):
    recording = MP4(buffer)
    if recording.tags is not None:
        buffer.seek(0)
        recording.delete(buffer)
    content = bytearray(buffer.getvalue())
    handlers = _blank_mp4_boxes(content)
    if not handlers & {b"vide", b"soun"}:
        raise RefusedMedia(UNREADABLE, format="MP4")
    buffer.seek(0)
    buffer.truncate()
    buffer.write(content)
    buffer.seek(0)
    MP4(buffer)  # still an MP4 mutagen reads
    return "video/mp4" if b"vide" in handlers else "audio/mp4"


def mp4_boxes(content, start=0, end=None):
    """(offset, size, kind, header size) of each box from `start` to `end`, which they fill."""
    end = len(content) if end is None else end
    position = start
    while position < end:
        if position + 8 > end:
            raise ValueError("a box header is cut short")
        size, kind = struct.unpack(">I4s", content[position : position + 8])
        header = 8
        if size == 1:
            if position + 16 > end:
                raise ValueError("a box header is cut short")
            size = struct.unpack(">Q", content[position + 8 : position + 16])[0]
            header = 16
        elif size == 0:
            size = end - position
        if size < header or position + size > end:
            raise ValueError("a box overflows its parent")
        yield position, size, bytes(kind), header
        position += size


def _blank_mp4_boxes(content):
    """Overwrite every box MP4_KEPT does not keep with `free`; the set of track handlers.

    Raises RefusedMedia for a track that is not audio, video, text or timecode.
    """
    handlers = set()
    for position, size, kind, header in mp4_boxes(content):
        if kind not in MP4_KEPT[None]:
            _blank(content, position, size, header)
        elif kind == b"moov":
            for child, child_size, child_kind, child_header in mp4_boxes(
                content, position + header, position + size
            ):
                if child_kind == b"trak":
                    handlers.add(_blank_trak(content, child, child_size, child_header))
                elif child_kind not in MP4_KEPT[b"moov"]:
                    _blank(content, child, child_size, child_header)
    return handlers


def _blank_trak(content, position, size, header):
    handler = None
    for child, child_size, child_kind, child_header in mp4_boxes(
        content, position + header, position + size
    ):
        if child_kind == b"mdia":
            handler = _handler_of(content, child + child_header, child + child_size)
        elif child_kind not in MP4_KEPT[b"trak"]:
            _blank(content, child, child_size, child_header)
    if handler not in MP4_TRACK_HANDLERS:
        raise RefusedMedia(TIMED_METADATA)
    return handler


def _handler_of(content, start, end):
    for position, _size, kind, header in mp4_boxes(content, start, end):
        if kind == b"hdlr":
            # version and flags (4 bytes), pre_defined (4 bytes), then the handler type
            return bytes(content[position + header + 8 : position + header + 12])
    return None


def _blank(content, position, size, header):
    """The box at `position` becomes a `free` box of the same size, all zeros."""
    if header == 16:
        content[position : position + 16] = struct.pack(">I4sQ", 1, b"free", size)
    else:
        content[position : position + 8] = struct.pack(">I4s", size, b"free")
    content[position + header : position + size] = bytes(size - header)


# Ogg and FLAC ------------------------------------------------------------------------------


def _strip_ogg(buffer, media_type):
    codecs = {}
    while True:
        try:
            page = OggPage(buffer)
        except EOFError:
            break
        if page.first:
            codecs[page.serial] = page.packets[0][:8] if page.packets else b""
    if len(codecs) != 1:
        raise RefusedMedia(OGG_STREAMS)
    codec = next(iter(codecs.values()))
    if codec.startswith(b"\x01vorbis"):
        kind = OggVorbis
    elif codec == b"OpusHead":
        kind = OggOpus
    else:
        raise RefusedMedia(OGG_STREAMS)
    buffer.seek(0)
    recording = kind(buffer)
    if len(recording.tags) or recording.tags.vendor:
        # The vendor string names the program that wrote the file: emptied too.
        recording.tags.clear()
        recording.tags.vendor = ""
        buffer.seek(0)
        recording.save(buffer, padding=lambda info: 0)
    return media_type


#: FLAC metadata blocks kept: STREAMINFO and SEEKTABLE (padding is dropped too).
FLAC_KEPT_BLOCKS = {0, 3}


def _strip_flac(buffer, media_type):
    recording = FLAC(buffer)
    blocks = [block for block in recording.metadata_blocks if block.code in FLAC_KEPT_BLOCKS]
    buffer.seek(0)
    has_id3 = buffer.read(3) == b"ID3" or buffer.getvalue()[-128:-125] == b"TAG"
    if len(blocks) == len(recording.metadata_blocks) and not has_id3:
        return media_type
    recording.metadata_blocks = blocks
    recording.cuesheet = None
    recording.tags = None
    buffer.seek(0)
    recording.save(buffer, deleteid3=True, padding=lambda info: 0)
    return media_type
