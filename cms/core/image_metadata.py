"""Images without hidden data: what every photo that enters the platform goes through.

A photo carries more than its pixels: EXIF (GPS position, camera, date), XMP, IPTC, an ICC
colour profile, JPEG comments, PNG text chunks, bytes after the image's end. Any of them may
hold where the picture was taken, and a rendition may inherit them from its original. So an
image is stored with none of them: its EXIF orientation is first applied to the pixels, its
colours converted to sRGB when it has a profile, and it is re-encoded from the pixels alone.

An image that carries nothing of the kind is returned as it is, so stripping twice does not
re-encode (and lose quality) twice.
"""

import io
import struct
from dataclasses import dataclass

from PIL import ExifTags, Image, ImageCms, ImageSequence, JpegImagePlugin, UnidentifiedImageError

MAX_PIXELS = 40_000_000  # about 7,700 by 5,200: more is a decompression bomb, not a photo
MAX_ANIMATION_PIXELS = 100_000_000  # every frame of an animation together

#: What Pillow reads into `info` that holds nothing about the picture or its author.
HARMLESS_INFO = {
    "jfif",
    "jfif_version",
    "jfif_unit",
    "jfif_density",
    "dpi",
    "progressive",
    "progression",
    "adobe",
    "adobe_transform",
    "transparency",
    "gamma",
    "chromaticity",
    "srgb",
    "aspect",
    "interlace",
    "duration",
    "loop",
    "background",
    "disposal",
    "blend",
    "bbox",
    "default_image",
    "version",
}
#: What a re-encoded frame keeps of `info`: transparency and animation timing (Pillow gives
#: an animation's frames whole, so their disposal and blending are not kept).
KEPT_INFO = ("transparency", "duration", "loop", "background")

#: The GIF application extensions that only say how often an animation loops.
LOOP_EXTENSION = (b"NETSCAPE2.0", b"ANIMEXTS1.0")

#: PNG chunks kept: the image, its palette and transparency, colour space, animation.
PNG_CHUNKS = {
    b"IHDR",
    b"PLTE",
    b"IDAT",
    b"IEND",
    b"tRNS",
    b"gAMA",
    b"cHRM",
    b"sRGB",
    b"sBIT",
    b"bKGD",
    b"pHYs",
    b"acTL",
    b"fcTL",
    b"fdAT",
}
#: WebP chunks kept: the image, its alpha and animation.
WEBP_CHUNKS = {b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF"}

ORIENTATION_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


class UnsafeImage(ValueError):
    """The file is not an image that can be read safely."""


class UnreadableImage(UnsafeImage):
    """Not an image Pillow can read, or a damaged one."""


class TooManyPixels(UnsafeImage):
    """More pixels than a photo has: a decompression bomb."""


@dataclass(frozen=True)
class CleanImage:
    content: bytes
    format: str  # Pillow's name: JPEG, PNG, WEBP, GIF, AVIF
    width: int
    height: int
    stripped: bool  # False when the image carried nothing and `content` is the input unchanged


def strip_metadata(content, *, max_pixels=MAX_PIXELS):
    """The image in `content` (bytes) without metadata, upright and in sRGB.

    Raises UnreadableImage or TooManyPixels (both UnsafeImage) before decoding anything
    large.
    """
    image = _open_checked(content, max_pixels=max_pixels)
    with image:
        if not _carries_hidden_data(image, content):
            return CleanImage(content, image.format, *image.size, stripped=False)
        try:
            output_format, clean = _reencode(image, content)
        except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
            raise UnreadableImage("the image could not be decoded") from None
    with Image.open(io.BytesIO(clean)) as result:
        return CleanImage(clean, output_format, *result.size, stripped=True)


def has_hidden_data(content):
    """Whether the image in `content` carries anything strip_metadata would remove."""
    with _open_checked(content, max_pixels=None) as image:
        return _carries_hidden_data(image, content)


def _open_checked(content, *, max_pixels):
    """The image, opened lazily after verify(); its pixel count checked before any decoding."""
    try:
        with Image.open(io.BytesIO(content)) as probe:
            width, height = probe.size
            frames = getattr(probe, "n_frames", 1)
            if max_pixels is not None:
                if width * height > max_pixels:
                    raise TooManyPixels(f"{width}x{height} pixels")
                if width * height * frames > max(max_pixels, MAX_ANIMATION_PIXELS):
                    raise TooManyPixels(f"{frames} frames of {width}x{height} pixels")
            probe.verify()
        return Image.open(io.BytesIO(content))
    except UnsafeImage:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, struct.error):
        raise UnreadableImage("not an image Pillow can read") from None
    except Image.DecompressionBombError:
        raise TooManyPixels("Pillow's decompression bomb limit") from None


def _carries_hidden_data(image, content):
    if any(key not in HARMLESS_INFO for key in image.info if key != "extension"):
        return True  # exif, xmp, icc_profile, comment, photoshop (IPTC), PNG text chunks...
    if image.info.get("extension", LOOP_EXTENSION)[0] not in LOOP_EXTENSION:
        return True  # a GIF application extension other than the animation's loop count
    if image.format in {"JPEG", "MPO"}:
        return image.format == "MPO" or not _jpeg_is_bare(content)
    if image.format == "PNG":
        return not _png_is_bare(content)
    if image.format == "WEBP":
        return not _webp_is_bare(content)
    return False


def _jpeg_is_bare(content):
    """Only the JFIF and Adobe APP segments, no comment, nothing after the end of the image."""
    position = 2
    while position + 2 <= len(content):
        if content[position] != 0xFF:
            return False
        marker = content[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker == 0xD9:  # end of image
            return not content[position + 2 :].strip(b"\x00")
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # markers without a segment
            position += 2
            continue
        if position + 4 > len(content):
            return False
        length = struct.unpack(">H", content[position + 2 : position + 4])[0]
        segment = content[position + 4 : position + 2 + length]
        if marker == 0xFE:  # COM
            return False
        if 0xE0 <= marker <= 0xEF and not (
            (marker == 0xE0 and segment.startswith(b"JFIF\x00"))
            or (marker == 0xEE and segment.startswith(b"Adobe"))
        ):
            return False
        position += 2 + length
        if marker == 0xDA:  # start of scan: skip the entropy-coded data to the next marker
            position = _end_of_scan(content, position)
    return False


def _end_of_scan(content, position):
    while True:
        position = content.find(b"\xff", position)
        if position == -1 or position + 1 >= len(content):
            return len(content)
        following = content[position + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7:  # stuffed byte, restart marker
            position += 2
        elif following == 0xFF:
            position += 1
        else:
            return position


def _png_is_bare(content):
    position = 8
    while position + 8 <= len(content):
        length, kind = struct.unpack(">I4s", content[position : position + 8])
        if kind not in PNG_CHUNKS:
            return False
        position += 12 + length
        if kind == b"IEND":
            return position >= len(content)
    return False


def _webp_is_bare(content):
    chunks = _webp_chunks(content)
    return chunks is not None and set(chunks) <= WEBP_CHUNKS


def _webp_chunks(content):
    """The kinds of the WebP file's chunks, or None when bytes follow its RIFF container."""
    if content[:4] != b"RIFF" or content[8:12] != b"WEBP":
        return None
    riff_end = 8 + struct.unpack("<I", content[4:8])[0]
    if content[riff_end:].strip(b"\x00"):
        return None
    chunks = []
    position = 12
    while position + 8 <= min(riff_end, len(content)):
        kind, length = struct.unpack("<4sI", content[position : position + 8])
        chunks.append(kind)
        position += 8 + length + (length & 1)
    return chunks


def _reencode(image, content):
    """(format, bytes): the image redrawn from its pixels alone."""
    source_format = image.format
    orientation = image.getexif().get(ExifTags.Base.Orientation)
    transpose = ORIENTATION_TRANSPOSE.get(orientation)
    icc_profile = image.info.get("icc_profile")
    frames = []
    for frame in ImageSequence.Iterator(image):
        clean = frame.copy()
        kept = {key: frame.info[key] for key in KEPT_INFO if key in frame.info}
        if transpose is not None:
            clean = clean.transpose(transpose)
        clean = _to_srgb(clean, icc_profile, source_format)
        clean.info = kept
        frames.append(clean)
        if source_format in {"JPEG", "MPO"}:
            break  # an MPO's other pictures (depth maps, previews) are not kept
    output_format = "JPEG" if source_format == "MPO" else source_format
    options = _save_options(image, output_format, frames=frames, content=content)
    buffer = io.BytesIO()
    frames[0].save(buffer, format=output_format, **options)
    return output_format, buffer.getvalue()


def _to_srgb(image, icc_profile, source_format):
    """The image's colours in sRGB, its profile applied; no profile left on it."""
    if icc_profile:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
            space = source.profile.xcolor_space.strip()
        except (OSError, ImageCms.PyCMSError):
            space = None  # an unreadable profile: the pixels are kept as they are
        if space in {"RGB", "CMYK"}:
            alpha = _alpha(image)
            mode = "CMYK" if space == "CMYK" else "RGB"
            pixels = image if image.mode == mode else image.convert(mode)
            try:
                pixels = ImageCms.profileToProfile(
                    pixels, source, ImageCms.createProfile("sRGB"), outputMode="RGB"
                )
            except ImageCms.PyCMSError:
                pixels = pixels.convert("RGB")
            if alpha is not None:
                pixels.putalpha(alpha)
            image = pixels
    if image.mode == "CMYK" or (
        source_format in {"JPEG", "MPO"} and image.mode not in {"L", "RGB"}
    ):
        image = image.convert("RGB")
    return image


def _alpha(image):
    if image.mode in {"RGBA", "LA", "PA"}:
        return image.getchannel("A")
    if image.mode == "P" and "transparency" in image.info:
        return image.convert("RGBA").getchannel("A")
    return None


def _save_options(image, output_format, *, frames, content):
    options = {}
    if output_format == "JPEG":
        quantization = getattr(image, "quantization", None)
        if quantization and len(quantization) == {"L": 1, "RGB": 2}.get(frames[0].mode):
            # The original's own quality: re-encoding costs as little as it can.
            options["qtables"] = quantization
            sampling = JpegImagePlugin.get_sampling(image)
            if sampling != -1:
                options["subsampling"] = sampling
        else:
            options["quality"] = 90
        if image.info.get("progressive"):
            options["progressive"] = True
    elif output_format == "WEBP":
        options["lossless"] = b"VP8L" in (_webp_chunks(content) or [])
        options["quality"] = 90
    elif output_format == "AVIF":
        options["quality"] = 90
    if len(frames) > 1:
        options["save_all"] = True
        options["append_images"] = frames[1:]
        options["duration"] = [frame.info.get("duration", 100) for frame in frames]
        options["loop"] = image.info.get("loop", 0)
    return options
